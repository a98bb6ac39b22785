package tech.aiqem.chimera.orchestrator.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.model.ApiKeyFormat;

/**
 * What {@code /v3/api-docs} says beyond the controllers: the bearer API key every {@code /v1} operation is
 * called with, and property names as they are on the wire.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static {
		// Resolved from the caller's credential, never sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentTenant.class);
		// Free-form JSON (a task's context and result, an event's detail), not a bean to introspect.
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
	}

	@Bean
	OpenAPI chimeraOpenApi() {
		SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat(ApiKeyFormat.SCHEME + "…")
			.description("An API key from POST /v1/api-keys, sent as 'Authorization: Bearer " + ApiKeyFormat.SCHEME
					+ "…'. The dashboard signs in instead (POST /v1/auth/login) and sends its session cookie with an"
					+ " X-XSRF-TOKEN header.");
		return new OpenAPI()
			.info(new Info().title("Chimera orchestrator API")
				.version("v1")
				.description("Agents, campaigns, tasks, human review and the fleet's figures; errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes(BEARER, bearer))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Operation ids a generated client can use as method names: the controller's resource and the handler,
	 * e.g. {@code agentCreate}, {@code hitlDecide} (springdoc's own are the method name with a counter, {@code get_2}).
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> {
			String resource = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			return operation;
		};
	}

	/**
	 * The schema generator reads classes with its own Jackson 2 mapper; ours (Jackson 3) writes snake_case
	 * (spring.jackson.property-naming-strategy), so the documented names follow it too.
	 */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
			.openapi31(true);
	}
}
