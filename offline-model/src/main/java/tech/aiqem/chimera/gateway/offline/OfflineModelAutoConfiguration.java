package tech.aiqem.chimera.gateway.offline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.gateway.ChatProvider;
import tech.aiqem.chimera.gateway.ModelGatewayAutoConfiguration;
import tech.aiqem.chimera.gateway.ModelRole;

/** Registers the offline model under the bean name the gateway looks for. */
@AutoConfiguration(before = ModelGatewayAutoConfiguration.class)
@EnableConfigurationProperties(OfflineModelAutoConfiguration.OfflineModelProperties.class)
public class OfflineModelAutoConfiguration {

	@Bean(name = ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN)
	@ConditionalOnMissingBean(name = ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN)
	ChatProvider offline(OfflineModelProperties properties) {
		return new OfflineModel(properties.latency(), properties.jitter(), properties.byRole());
	}

	/**
	 * @param latency how long each answer takes (0 by default; benchmarks set e.g. 2s)
	 * @param jitter plus or minus this much, uniformly
	 * @param roles per role ({@code planner}, {@code worker}, {@code judge}) a latency and jitter that replace
	 * the default ones, e.g. {@code CHIMERA_MODELS_OFFLINE_ROLES_WORKER_LATENCY=2s}
	 */
	@ConfigurationProperties("chimera.models.offline")
	public record OfflineModelProperties(@DefaultValue("0ms") Duration latency, @DefaultValue("0ms") Duration jitter,
			Map<String, RoleDelay> roles) {

		public OfflineModelProperties {
			roles = roles == null ? Map.of() : Map.copyOf(roles);
			for (String role : roles.keySet()) {
				boolean known = false;
				for (ModelRole candidate : ModelRole.values()) {
					known |= candidate.key().equals(role.toLowerCase(Locale.ROOT));
				}
				if (!known) {
					throw new IllegalArgumentException("chimera.models.offline.roles." + role
							+ " is not a model role; use planner, worker or judge");
				}
			}
		}

		/** The delays by role, a role's missing latency or jitter taken from the defaults. */
		Map<ModelRole, OfflineModel.Delay> byRole() {
			Map<ModelRole, OfflineModel.Delay> delays = new EnumMap<>(ModelRole.class);
			this.roles.forEach((role, delay) -> delays.put(ModelRole.valueOf(role.toUpperCase(Locale.ROOT)),
					new OfflineModel.Delay(delay.latency() != null ? delay.latency() : this.latency,
							delay.jitter() != null ? delay.jitter() : this.jitter)));
			return delays;
		}
	}

	/**
	 * @param latency this role's latency, or null for the default
	 * @param jitter this role's jitter, or null for the default
	 */
	public record RoleDelay(Duration latency, Duration jitter) {
	}
}
