package tech.aiqem.chimera.judge.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.judge.commit.ModelSpend;
import tech.aiqem.chimera.judge.commit.ResultCommitter;
import tech.aiqem.chimera.judge.core.SafetyPorts;
import tech.aiqem.chimera.judge.intake.ResultIntake;
import tech.aiqem.chimera.judge.publish.PaymentConfirmations;
import tech.aiqem.chimera.judge.publish.Publisher;
import tech.aiqem.chimera.judge.review.Judge;
import tech.aiqem.chimera.judge.review.ServedToolCalls;
import tech.aiqem.chimera.judge.review.WalletPaymentScreen;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.queue.ReviewBacklog;
import tech.aiqem.chimera.toolclient.ToolsClient;
import tech.aiqem.chimera.wallet.policy.PaymentReview;

@Configuration(proxyBeanMethods = false)
class JudgeConfiguration {

	/** How often the judges count the results waiting for them. */
	static final Duration BACKLOG_INTERVAL = Duration.ofMillis(500);

	/**
	 * At most {@code model-concurrency} judge model calls at once; on virtual threads when the JVM has them and
	 * {@code spring.threads.virtual.enabled} is set, so a batch waiting on a slow model holds no platform threads.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService judgeModelCalls(JudgeProperties properties, Environment environment) {
		return Executors.newFixedThreadPool(properties.modelConcurrency(), callThreads(environment, "judge-model-"));
	}

	/**
	 * At most {@code publish-concurrency} publisher tool calls at once, shared by the {@code publish-threads}
	 * loops; virtual threads under the same condition as the model calls.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService publishCalls(JudgeProperties properties, Environment environment) {
		return Executors.newFixedThreadPool(properties.publishConcurrency(), callThreads(environment, "judge-publish-"));
	}

	static ThreadFactory callThreads(Environment environment, String prefix) {
		if (Threading.VIRTUAL.isActive(environment)) {
			return new VirtualThreadTaskExecutor(prefix).getVirtualThreadFactory();
		}
		return new CustomizableThreadFactory(prefix);
	}

	@Bean(destroyMethod = "close")
	ResultIntake resultIntake(ReliableQueue queue, JdbcClient jdbc, Ledger ledger, ModelGateway models,
			TransactionTemplate transactions,
			ExecutorService judgeModelCalls, PaymentReview paymentReview, SpendGuard spendGuard, JudgeProperties properties,
			Clock clock, RealTime realTime, MeterRegistry meters) {
		// claimed tool calls are checked against what mcp-tools recorded serving, not the worker's word
		ServedToolCalls served = new ServedToolCalls(jdbc);
		Judge judge = new Judge(models, SafetyPorts.judgeCore(served), new WalletPaymentScreen(paymentReview),
				properties.hitlConfidenceThreshold(), properties.hitlAutoApprove(), new HashSet<>(properties.blocklist()),
				new HashSet<>(properties.linkAllowList()));
		ResultCommitter committer = new ResultCommitter(jdbc, ledger, transactions, clock, realTime.clock(), meters, properties.reviewDeadline(),
				properties.occRetries());
		return new ResultIntake(queue, jdbc, judge, served, committer, new ModelSpend(spendGuard), judgeModelCalls, properties.batchSize(),
				properties.popWait(), clock, meters);
	}

	@Bean
	BackgroundLoop judgeLoop(ResultIntake intake) {
		return new BackgroundLoop("judge", Duration.ofMillis(10), intake::step);
	}

	/**
	 * Counts the results waiting in the review lists and publishes the count for the workers, which hold back
	 * while it is at their limit; it lapses when no judge renews it.
	 */
	@Bean
	BackgroundLoop reviewBacklogLoop(ReviewBacklog backlog) {
		return new BackgroundLoop("review-backlog", BACKLOG_INTERVAL, () -> {
			backlog.countAndPublish(BACKLOG_INTERVAL.multipliedBy(10));
			return false;
		});
	}

	@Bean
	Publisher publisher(Ledger ledger, TransactionTemplate transactions, ToolsClient tools, Clock clock,
			MeterRegistry meters, JudgeProperties properties, ExecutorService publishCalls) {
		return new Publisher(ledger, transactions, tools, clock, meters, properties.publishAttempts(), properties.publishLease(),
				properties.publishBatch(), publishCalls);
	}

	@Bean
	BackgroundLoop publishLoop(Publisher publisher, JudgeProperties properties) {
		return new BackgroundLoop("publisher", Duration.ofMillis(200), properties.publishThreads(),
				publisher::publishBatch);
	}

	@Bean
	BackgroundLoop confirmationLoop(PaymentConfirmations confirmations) {
		return new BackgroundLoop("payment-confirmations", Duration.ofSeconds(1), confirmations::settle);
	}
}
