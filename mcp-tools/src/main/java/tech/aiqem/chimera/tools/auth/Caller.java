package tech.aiqem.chimera.tools.auth;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;

/**
 * A service that proved who it is with its bearer token, and what it may do: a scope is a tool's name
 * ({@code post_content}) or {@link #READ_MENTIONS} for the mentions resources.
 */
public record Caller(String name, Set<String> scopes) {

	public static final String READ_MENTIONS = "read_mentions";

	/** The request attribute and transport-context key that carry the authenticated caller. */
	static final String KEY = "chimera/caller";

	public Caller {
		scopes = Set.copyOf(scopes);
	}

	public boolean may(String scope) {
		return this.scopes.contains(scope);
	}

	/** Carries the caller that {@link BearerTokenFilter} authenticated into the MCP handlers' context. */
	public static McpTransportContextExtractor<HttpServletRequest> extractor() {
		return request -> request.getAttribute(KEY) instanceof Caller caller ? McpTransportContext.create(Map.of(KEY, caller))
				: McpTransportContext.EMPTY;
	}

	/** The caller the HTTP layer authenticated for this MCP request, or null when there is none. */
	public static Caller of(McpTransportContext context) {
		return context == null ? null : context.get(KEY) instanceof Caller caller ? caller : null;
	}
}
