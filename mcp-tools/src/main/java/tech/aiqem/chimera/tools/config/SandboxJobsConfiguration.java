package tech.aiqem.chimera.tools.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.platform.sandbox.MentionFeed;
import tech.aiqem.chimera.tools.platform.sandbox.SandboxEngagement;

/** The sandbox simulation's periodic jobs: engagement and followers always, the mention feed when enabled. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SandboxJobsConfiguration implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SandboxJobsConfiguration.class);

	private final ToolsProperties properties;

	private final JdbcTemplate jdbc;

	private final AgentDirectory agents;

	private final Clock clock;

	SandboxJobsConfiguration(ToolsProperties properties, JdbcTemplate jdbc, AgentDirectory agents, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.agents = agents;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		ToolsProperties.Sandbox sandbox = this.properties.sandbox();
		registrar.addFixedDelayTask(guarded("sandbox engagement", new SandboxEngagement(this.jdbc, this.clock)),
				sandbox.engagementInterval());
		if (sandbox.mentionFeed()) {
			registrar.addFixedDelayTask(guarded("seeded mention feed",
					new MentionFeed(this.jdbc, this.agents, this.clock, sandbox.maxMentionsPerHour())),
					sandbox.mentionFeedInterval());
			log.info("Seeded mention feed on: up to {} mentions per agent, platform and simulated hour",
					sandbox.maxMentionsPerHour());
		}
	}

	/** A failing tick is logged and the next one runs; it never stops the schedule. */
	private static Runnable guarded(String name, Runnable job) {
		return () -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				log.warn("{} tick failed: {}", name, ex.getMessage());
			}
		};
	}
}
