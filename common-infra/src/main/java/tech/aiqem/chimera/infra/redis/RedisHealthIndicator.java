package tech.aiqem.chimera.infra.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Redis is UP when it answers PING; readiness includes it, so a service without Redis takes no traffic. */
public class RedisHealthIndicator extends AbstractHealthIndicator {

	private final Redis redis;

	public RedisHealthIndicator(Redis redis) {
		super("Redis health check failed");
		this.redis = redis;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String pong = this.redis.shared().sync().ping();
		builder.up().withDetail("ping", pong);
	}
}
