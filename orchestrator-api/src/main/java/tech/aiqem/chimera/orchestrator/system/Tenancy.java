package tech.aiqem.chimera.orchestrator.system;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import tech.aiqem.chimera.model.TenantId;

/**
 * Resolves the {@link CurrentTenant} of a request. Until authentication lands every request acts for
 * the default tenant, created on first start.
 */
class Tenancy implements HandlerMethodArgumentResolver {

	static final String DEFAULT_TENANT = "default";

	private final JdbcClient jdbc;

	private volatile TenantId defaultTenant;

	Tenancy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentTenant.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return new CurrentTenant(defaultTenant(), "operator");
	}

	TenantId defaultTenant() {
		TenantId tenant = this.defaultTenant;
		if (tenant == null) {
			this.jdbc.sql("INSERT INTO tenants (name) VALUES (:name) ON CONFLICT (name) DO NOTHING")
				.param("name", DEFAULT_TENANT)
				.update();
			tenant = new TenantId(this.jdbc.sql("SELECT id FROM tenants WHERE name = :name")
				.param("name", DEFAULT_TENANT)
				.query(UUID.class)
				.single());
			this.defaultTenant = tenant;
		}
		return tenant;
	}
}
