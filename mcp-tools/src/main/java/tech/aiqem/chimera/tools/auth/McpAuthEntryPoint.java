package tech.aiqem.chimera.tools.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with the {@code WWW-Authenticate: Bearer} challenge (RFC 6750, as the MCP authorization spec asks)
 * and a problem-details body; nothing of the JSON-RPC request has been read.
 */
final class McpAuthEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		reject(response, null, "a bearer token is required: Authorization: Bearer <token>");
	}

	void reject(HttpServletResponse response, String error, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate",
				"Bearer realm=\"chimera-tools\"" + (error == null ? "" : ", error=\"" + error + "\""));
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail
					+ "\",\"code\":\"unauthorized\"}");
	}
}
