package tech.aiqem.chimera.orchestrator.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.ProblemResponses;

/**
 * 401 and 403 as problem details: {@code unauthorized} (no credential, or a wrong, expired or revoked
 * one), {@code forbidden} (the role does not allow it) and {@code csrf_failed} (a cookie-authenticated
 * change without the {@code X-XSRF-TOKEN} header). Never echoes the credential.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String CSRF_FAILED = "csrf_failed";

	private final ProblemResponses problems;

	ProblemEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chimera\"");
		String detail = ApiKeyAuthenticationFilter.bearer(request) != null ? "the API key is invalid or revoked"
				: "authentication required: send 'Authorization: Bearer <API key>' or log in with POST /v1/auth/login";
		this.problems.write(request, response, ApiException.unauthorized(detail));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) {
		if (ex instanceof CsrfException) {
			this.problems.write(request, response, new ApiException(HttpStatus.FORBIDDEN, CSRF_FAILED,
					"missing or invalid CSRF token: send header X-XSRF-TOKEN with the current value of cookie XSRF-TOKEN",
					null));
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String role = authentication != null && authentication.getPrincipal() instanceof Caller caller
				? "role '" + caller.role().wire() + "'" : "this credential";
		this.problems.write(request, response, ApiException.forbidden(role + " may not " + request.getMethod() + " "
				+ request.getRequestURI()));
	}
}
