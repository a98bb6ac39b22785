package tech.aiqem.chimera.orchestrator.auth;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.orchestrator.system.ProblemResponses;

/**
 * The filter chain: who may call what (docs/security.md has the table). Machines send an API key, the
 * dashboard a session cookie plus a CSRF token; health, metrics, the OpenAPI document and the dashboard's
 * static files are public and tenant-free.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SESSION_COOKIE = "CHIMERA_SESSION";

	static final String LOGIN = "/v1/auth/login";

	static final String LOGOUT = "/v1/auth/logout";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	SecurityFilterChain chimeraSecurity(HttpSecurity http, ApiKeys keys, ProblemResponses problems, RealTime realTime,
			CookieCsrfTokenRepository csrfTokens, SecurityContextRepository contexts) throws Exception {
		ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(LOGIN, LOGOUT).permitAll()
			.requestMatchers("/v1/auth/**").authenticated()
			.requestMatchers("/v1/api-keys/**", "/v1/users/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/v1/hitl/*/decision", "/v1/safety/scan", "/v1/agents/*/judge/preview").hasRole("REVIEWER")
			.requestMatchers(HttpMethod.GET, "/v1/**").hasRole("REVIEWER")
			.requestMatchers(HttpMethod.HEAD, "/v1/**").hasRole("REVIEWER")
			.requestMatchers("/v1/**").hasRole("OPERATOR")
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
			.requestMatchers("/error").permitAll()
			// The dashboard's static files and its client-side routes; they carry no tenant data.
			.requestMatchers(HttpMethod.GET, "/**").permitAll()
			.anyRequest().denyAll());
		http.csrf(csrf -> csrf.spa()
			.csrfTokenRepository(csrfTokens)
			.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
		http.securityContext(context -> context.securityContextRepository(contexts));
		// Sessions are made by the log-in alone (AuthController, which changes the id); an API call, even a
		// refused one, must not start a session.
		http.requestCache(cache -> cache.disable());
		http.httpBasic(basic -> basic.disable());
		http.formLogin(form -> form.disable());
		http.logout(logout -> logout.logoutUrl(LOGOUT)
			.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT))
			.deleteCookies(SESSION_COOKIE));
		http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint));
		http.addFilterAfter(new ApiKeyAuthenticationFilter(keys, entryPoint, realTime), CsrfFilter.class);
		http.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
		return http.build();
	}

	/**
	 * A change made on the strength of a session cookie needs the token; one authenticated by an API key
	 * does not (a browser cannot be tricked into sending our Authorization header), and a request with
	 * neither credential changes nothing, so it is answered 401 rather than a CSRF refusal. The log-in
	 * itself is protected too, against log-in CSRF.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod()) || ApiKeyAuthenticationFilter.bearer(request) != null) {
			return false;
		}
		return request.getRequestedSessionId() != null || LOGIN.equals(request.getRequestURI());
	}

	@Bean
	CookieCsrfTokenRepository csrfTokenRepository() {
		// Readable by the dashboard's script (that is the point: it echoes it in X-XSRF-TOKEN); other sites cannot read it.
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
		return repository;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** What a log-in does to the session: a new session id (no fixation) and a new CSRF token. */
	@Bean
	SessionAuthenticationStrategy loginSessionStrategy(CookieCsrfTokenRepository csrfTokens) {
		CsrfAuthenticationStrategy csrf = new CsrfAuthenticationStrategy(csrfTokens);
		csrf.setRequestHandler(new CsrfTokenRequestAttributeHandler());
		return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(), csrf));
	}

	/** BCrypt through Spring Security's delegating encoder, so stored hashes name their algorithm and can be upgraded. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
