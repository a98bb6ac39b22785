package tech.aiqem.chimera.planner.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.planner.campaign.CampaignPlanner;
import tech.aiqem.chimera.planner.dispatch.Dispatcher;
import tech.aiqem.chimera.planner.mention.MentionWatcher;
import tech.aiqem.chimera.planner.replan.Replanner;

@Configuration(proxyBeanMethods = false)
class PlannerConfiguration {

	@Bean
	BackgroundLoop planningLoop(CampaignPlanner planner, PlannerProperties properties) {
		return new BackgroundLoop("planner", properties.interval(), planner::planDueCampaigns);
	}

	@Bean
	BackgroundLoop dispatchLoop(Dispatcher dispatcher, PlannerProperties properties) {
		return new BackgroundLoop("dispatcher", properties.interval(), dispatcher::dispatchDue);
	}

	@Bean
	BackgroundLoop mentionLoop(MentionWatcher watcher, PlannerProperties properties) {
		return new BackgroundLoop("mentions", java.time.Duration.ofSeconds(1), watcher::checkNextAgent);
	}

	@Bean
	BackgroundLoop replanLoop(Replanner replanner, PlannerProperties properties) {
		return new BackgroundLoop("replanner", properties.interval(), replanner::replanInvalidated);
	}
}
