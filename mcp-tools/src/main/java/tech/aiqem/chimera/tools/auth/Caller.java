package tech.aiqem.chimera.tools.auth;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.modelcontextprotocol.common.McpTransportContext;

import tech.aiqem.chimera.model.TenantId;
import io.modelcontextprotocol.server.McpTransportContextExtractor;

/**
 * A caller that proved who it is, and what it may do: a scope is a tool's name ({@code post_content}) or
 * {@link #READ_MENTIONS} for the mentions resources. A service (its own bearer token) has no tenant and
 * names the agent it acts for in {@code _meta}; an external client holding a tenant's API key has that
 * tenant, may only read, and names the agent in an argument or the resource URI.
 */
public record Caller(String name, Set<String> scopes, TenantId tenant) {

	public static final String READ_MENTIONS = "read_mentions";

	/** What a tenant's API key may do through MCP: read, never post or pay. */
	public static final Set<String> TENANT_KEY_SCOPES = Set.of("generate_image", "search_memory", READ_MENTIONS);

	public Caller(String name, Set<String> scopes) {
		this(name, scopes, null);
	}

	public boolean isTenantKey() {
		return this.tenant != null;
	}

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
