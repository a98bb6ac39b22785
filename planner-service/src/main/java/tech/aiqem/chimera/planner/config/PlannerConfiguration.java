package tech.aiqem.chimera.planner.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.planner.campaign.CampaignPlanner;
import tech.aiqem.chimera.planner.dispatch.Dispatcher;
import tech.aiqem.chimera.planner.mention.MentionWatcher;
import tech.aiqem.chimera.planner.replan.Replanner;
import tech.aiqem.chimera.planner.sweep.SweeperProperties;
import tech.aiqem.chimera.planner.sweep.TaskSweeper;

@Configuration(proxyBeanMethods = false)
class PlannerConfiguration {

	@Bean
	BackgroundLoop planningLoop(CampaignPlanner planner, PlannerProperties properties) {
		return new BackgroundLoop("planner", properties.interval(), planner::planDueCampaigns);
	}

	@Bean
	BackgroundLoop dispatchLoop(Dispatcher dispatcher, PlannerProperties properties) {
		return new BackgroundLoop("dispatcher", properties.interval(), properties.dispatchThreads(), dispatcher::dispatchDue);
	}

	/**
	 * Mentions resources cover the last hour of campaign time, so under a fast demo clock the watcher
	 * must look more often in real time: half the mention interval, in real time, at most a second.
	 */
	@Bean
	BackgroundLoop mentionLoop(MentionWatcher watcher, PlannerProperties properties, Clock clock) {
		Duration interval = clock instanceof ScaledClock scaled ? scaled.realDuration(properties.mentionInterval())
				: properties.mentionInterval();
		Duration idle = interval.dividedBy(2);
		if (idle.compareTo(Duration.ofSeconds(1)) > 0) {
			idle = Duration.ofSeconds(1);
		}
		if (idle.compareTo(Duration.ofMillis(20)) < 0) {
			idle = Duration.ofMillis(20);
		}
		return new BackgroundLoop("mentions", idle, watcher::checkNextAgent);
	}

	@Bean
	BackgroundLoop replanLoop(Replanner replanner, PlannerProperties properties) {
		return new BackgroundLoop("replanner", properties.interval(), replanner::replanInvalidated);
	}

	@Bean
	TaskSweeper taskSweeper(Ledger ledger, Clock clock, SweeperProperties properties, MeterRegistry meters) {
		return new TaskSweeper(ledger, clock, properties.grace(), properties.batch(), meters);
	}

	@Bean
	BackgroundLoop sweepLoop(TaskSweeper sweeper, SweeperProperties properties) {
		return new BackgroundLoop("sweeper", properties.interval(), sweeper::sweep);
	}
}
