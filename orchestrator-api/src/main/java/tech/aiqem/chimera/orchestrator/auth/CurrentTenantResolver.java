package tech.aiqem.chimera.orchestrator.auth;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

/** Gives controllers the {@link CurrentTenant} of the authenticated caller. */
@Configuration(proxyBeanMethods = false)
class CurrentTenantResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentTenant.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			return new CurrentTenant(new TenantId(caller.tenantId()), caller.actor(), caller.role());
		}
		// The filter chain lets no unauthenticated request reach a controller that asks for a tenant.
		throw ApiException.unauthorized("authentication required");
	}
}
