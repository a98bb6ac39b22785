package tech.aiqem.chimera.orchestrator.safety;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import tech.aiqem.chimera.orchestrator.auth.Caller;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.OrchestratorProperties;
import tech.aiqem.chimera.orchestrator.system.ProblemResponses;

/**
 * Runs after authentication: each API key and each user spends from its own bucket; log-in attempts
 * spend from a bucket per client address (against password guessing). Over the limit: 429 with
 * {@code Retry-After}, before the request touches anything. If Redis fails the request goes through
 * (the API stays up; the failure is logged).
 */
final class RateLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimit.class);

	private final RateLimiter limiter;

	private final OrchestratorProperties.RateLimit limits;

	private final ProblemResponses problems;

	RateLimit(RateLimiter limiter, OrchestratorProperties.RateLimit limits, ProblemResponses problems) {
		this.limiter = limiter;
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limits.enabled() || !request.getRequestURI().startsWith("/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String subject;
		int perMinute;
		int burst;
		String who;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if ("/v1/auth/login".equals(request.getRequestURI())) {
			subject = "login:" + request.getRemoteAddr();
			perMinute = this.limits.loginsPerMinute();
			burst = this.limits.loginsPerMinute();
			who = "log-in attempts from this address";
		}
		else if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			subject = caller.subject();
			perMinute = this.limits.requestsPerMinute();
			burst = this.limits.burst();
			who = caller.kind() == Caller.Kind.API_KEY ? "requests with this API key" : "requests by this user";
		}
		else {
			chain.doFilter(request, response);
			return;
		}
		RateLimiter.Decision decision;
		try {
			decision = this.limiter.take(subject, perMinute, burst);
		}
		catch (RuntimeException ex) {
			log.warn("Rate limit not applied, Redis failed: {}", ex.toString());
			chain.doFilter(request, response);
			return;
		}
		if (!decision.allowed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
			this.problems.write(request, response, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"too many " + who + ": the limit is " + perMinute + " per minute (bursts of " + burst + "); retry in "
							+ decision.retryAfterSeconds() + " s",
					null));
			return;
		}
		chain.doFilter(request, response);
	}
}
