package tech.aiqem.chimera.model;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location as the environment gives it ({@code POSTGRES_URL=postgresql://user:pass@host:5432/db},
 * docs/architecture.md §13) or as a JDBC URL, turned into what a JDBC driver takes. The password never appears in
 * {@link #toString()}.
 */
public record PostgresUrl(String jdbcUrl, String username, String password) {

	public static PostgresUrl parse(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("PostgreSQL URL is empty");
		}
		String trimmed = url.trim();
		if (trimmed.startsWith("jdbc:postgresql:")) {
			return new PostgresUrl(trimmed, null, null);
		}
		if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
			throw new IllegalArgumentException(
					"PostgreSQL URL must look like postgresql://user:pass@host:5432/db or jdbc:postgresql://host:5432/db");
		}
		URI uri = URI.create(trimmed);
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("PostgreSQL URL has no host");
		}
		String user = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = decode(parts[0]);
			password = parts.length > 1 ? decode(parts[1]) : null;
		}
		int port = uri.getPort() == -1 ? 5432 : uri.getPort();
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/postgres" : uri.getRawPath();
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		return new PostgresUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + path + query, user, password);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "PostgresUrl[" + this.jdbcUrl + ", user=" + this.username + ", password=" + (this.password == null ? "none" : "***") + "]";
	}
}
