package tech.aiqem.chimera.orchestrator.auth;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tech.aiqem.chimera.orchestrator.system.ApiException;

/**
 * The dashboard's log-in: e-mail and password against the BCrypt hash, then a session (HttpOnly,
 * SameSite=Strict cookie) with a new id and a new CSRF token. Log-out is Spring Security's logout filter.
 */
@RestController
@RequestMapping("/v1/auth")
class AuthController {

	private static final String WRONG = "wrong e-mail or password";

	private final Users users;

	private final PasswordEncoder passwords;

	private final SecurityContextRepository contexts;

	private final SessionAuthenticationStrategy sessions;

	/** Checked when the e-mail is unknown, so an unknown address takes as long as a wrong password. */
	private final String decoyHash;

	AuthController(Users users, PasswordEncoder passwords, SecurityContextRepository contexts,
			SessionAuthenticationStrategy sessions) {
		this.users = users;
		this.passwords = passwords;
		this.contexts = contexts;
		this.sessions = sessions;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Operation(summary = "Sign the dashboard in: a session cookie and a new CSRF token",
			description = "Later changes send the token back in X-XSRF-TOKEN; POST /v1/auth/logout ends the session.")
	@SecurityRequirements
	@PostMapping("/login")
	LoggedIn login(@Valid @RequestBody AuthRequests.Login login, HttpServletRequest request,
			HttpServletResponse response) {
		String password = login.password();
		boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES;
		Users.Login found = this.users.forLogin(login.email().strip()).orElse(null);
		if (found == null || tooLong) {
			this.passwords.matches("decoy", this.decoyHash);
			throw ApiException.unauthorized(WRONG);
		}
		if (!this.passwords.matches(password, found.passwordHash())) {
			throw ApiException.unauthorized(WRONG);
		}
		if (this.passwords.upgradeEncoding(found.passwordHash())) {
			this.users.updatePasswordHash(found.caller().id(), this.passwords.encode(password));
		}
		Caller caller = found.caller();
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.authorities());
		this.sessions.onAuthentication(authentication, request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		// The strategy above replaced the CSRF token; issue its cookie now, not on the next request.
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
		return new LoggedIn(SignedInUser.of(caller));
	}

	/** Who is logged in: {@code user} for a session, {@code api_key} for a key. */
	@Operation(summary = "Who is calling: user for a dashboard session, api_key for an API key")
	@GetMapping("/me")
	Me me(Authentication authentication) {
		if (!(authentication != null && authentication.getPrincipal() instanceof Caller caller)) {
			throw ApiException.unauthorized("not logged in");
		}
		if (caller.kind() == Caller.Kind.API_KEY) {
			return new Me(null, new KeyIdentity(caller.id(), caller.name(), caller.role().wire(), caller.tenantId()));
		}
		return new Me(SignedInUser.of(caller), null);
	}

	record LoggedIn(SignedInUser user) {
	}

	/** Exactly one of the two is present. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Me(SignedInUser user, KeyIdentity apiKey) {
	}

	record SignedInUser(String email, String role, UUID tenantId, String displayName) {

		static SignedInUser of(Caller caller) {
			return new SignedInUser(caller.name(), caller.role().wire(), caller.tenantId(), caller.displayName());
		}
	}

	record KeyIdentity(UUID id, String name, String role, UUID tenantId) {
	}
}
