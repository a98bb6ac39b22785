package tech.aiqem.chimera.tools.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import tech.aiqem.chimera.tools.config.ToolsProperties;

/**
 * Two filter chains: {@code /mcp} needs a caller's bearer token (stateless, no CSRF: no browser session
 * exists to forge); everything else here — media files, health and metrics on their own port — is
 * public, as before.
 */
@Configuration(proxyBeanMethods = false)
class McpSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(McpSecurityConfiguration.class);

	@Bean
	CallerTokens callerTokens(ToolsProperties properties) {
		CallerTokens tokens = new CallerTokens(properties.auth().callers());
		if (tokens.isEmpty()) {
			log.warn("No MCP caller has a token (MCP_TOKEN_WORKER, MCP_TOKEN_PLANNER, MCP_TOKEN_PUBLISHER): "
					+ "every call to /mcp will be refused");
		}
		else {
			log.info("MCP callers with a token: {}", tokens.callerNames());
		}
		return tokens;
	}

	@Bean
	@Order(1)
	SecurityFilterChain mcpFilterChain(HttpSecurity http, CallerTokens tokens, JdbcTemplate jdbc) throws Exception {
		McpAuthEntryPoint entryPoint = new McpAuthEntryPoint();
		TenantKeys tenantKeys = new TenantKeys(jdbc);
		return http.securityMatcher("/mcp", "/mcp/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, tenantKeys, entryPoint), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain publicFilterChain(HttpSecurity http) throws Exception {
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}
}
