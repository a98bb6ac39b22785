package tech.aiqem.chimera.orchestrator.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import tech.aiqem.chimera.infra.time.RealTime;

/**
 * Authenticates {@code Authorization: Bearer chm_...}. A request that presents a key is judged by the
 * key alone: a wrong or revoked key is refused (401) even if a session cookie came along, and the key's
 * identity is never stored in a session.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys keys;

	private final ProblemEntryPoint problems;

	private final Clock clock;

	ApiKeyAuthenticationFilter(ApiKeys keys, ProblemEntryPoint problems, RealTime realTime) {
		this.keys = keys;
		this.problems = problems;
		this.clock = realTime.clock();
	}

	/** The bearer token of the request, or null when it presents none. */
	static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).trim();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = bearer(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Caller> caller = ApiKeyTokens.wellFormed(key) ? this.keys.authenticate(key, this.clock.instant())
				: Optional.empty();
		if (caller.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.problems.commence(request, response, new BadCredentialsException("invalid API key"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
				caller.get().authorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
