package tech.aiqem.chimera.tools.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token is a configured service's or a tenant's
 * API key, marks the
 * request authenticated as that caller (authorities {@code SCOPE_<scope>}) and leaves the caller in a
 * request attribute for the MCP transport. A wrong token is answered 401 at once; a missing one is left
 * to the authorization rules, which answer 401 too.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final CallerTokens tokens;

	private final TenantKeys tenantKeys;

	private final McpAuthEntryPoint entryPoint;

	BearerTokenFilter(CallerTokens tokens, TenantKeys tenantKeys, McpAuthEntryPoint entryPoint) {
		this.tokens = tokens;
		this.tenantKeys = tenantKeys;
		this.entryPoint = entryPoint;
	}

	private Caller authenticate(String token) {
		return token.startsWith(tech.aiqem.chimera.model.ApiKeyFormat.SCHEME) ? this.tenantKeys.authenticate(token)
				: this.tokens.authenticate(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		Caller caller = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? authenticate(header.substring(PREFIX.length()).strip())
				: null;
		if (caller == null) {
			this.entryPoint.reject(response, "invalid_token", "the bearer token is not one this server issued");
			return;
		}
		List<SimpleGrantedAuthority> authorities = caller.scopes()
			.stream()
			.map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
			.toList();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.name(), null, authorities);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		request.setAttribute(Caller.KEY, caller);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
