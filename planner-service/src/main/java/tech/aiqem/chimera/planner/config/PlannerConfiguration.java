package tech.aiqem.chimera.planner.config;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import tech.aiqem.chimera.db.NotificationListener;
import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.TaskLedger;
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
	 * Wakes the dispatch loop when a task that is already due is planned (the ledger's notification), so it
	 * waits neither for its interval nor polls faster; tasks scheduled for later are found by its own look.
	 */
	@Bean
	NotificationListener dueTasksListener(DataSource dataSource, @Qualifier("dispatchLoop") BackgroundLoop dispatchLoop) {
		return new NotificationListener(dataSource, TaskLedger.TASKS_DUE_CHANNEL, dispatchLoop::wake);
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
