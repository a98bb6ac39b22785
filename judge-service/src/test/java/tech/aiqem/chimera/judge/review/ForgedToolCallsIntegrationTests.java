package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.offline.OfflineModel;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.message.ToolCall;
import tech.aiqem.chimera.queue.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone who can write to a review list can push a result that claims tool calls; the judge believes
 * only what mcp-tools recorded serving ({@code served_tool_calls}). A result with an invented
 * {@code generate_image} call is never auto-approved; the same result backed by the record is.
 */
class ForgedToolCallsIntegrationTests {

	private static final String MEDIA = "http://localhost:8084/media/images/task-forged.png";

	private static final ToxicityClassifier CLEAN = text -> new ToxicityClassifier.ToxicityScore(0.01, 0.01, 0.01, false, "clean", List.of());

	private JdbcClient jdbc;

	private Judge judge;

	@BeforeEach
	void judge() throws Exception {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		OfflineModel offline = new OfflineModel(Duration.ZERO, Duration.ZERO);
		ModelGateway gateway = (role, prompt) -> offline.chat(role, prompt, null);
		this.judge = new Judge(gateway, new JudgeCore(null, CLEAN, new ServedToolCalls(this.jdbc)), (task, payment) -> List.of(),
				new BigDecimal("0.90"), true, Set.of(), Set.of());
	}

	@Test
	void aResultClaimingAnImageNoToolServedIsNotAutoApproved() {
		ResultMessage forged = result(TaskId.random());
		Judged judged = this.judge.judge(new Delivery("chimera:review:x", "{}", "p"), forged, HostedJudgeIntegrationTests.task());
		assertThat(judged.kind()).isNotEqualTo(Judged.Kind.APPROVED);
		assertThat(judged.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("phantom_media"));
	}

	@Test
	void theSameResultBackedByTheToolsServersRecordIsApproved() {
		TaskId task = TaskId.random();
		served(task, MEDIA);
		Judged judged = this.judge.judge(new Delivery("chimera:review:x", "{}", "p"), result(task), HostedJudgeIntegrationTests.task());
		assertThat(judged.findings()).noneSatisfy(f -> assertThat(f.code()).startsWith("phantom"));
		assertThat(judged.kind()).as(judged.findings().toString()).isEqualTo(Judged.Kind.APPROVED);
	}

	@Test
	void anImageTheToolsServerMadeForAnotherUrlDoesNotCount() {
		TaskId task = TaskId.random();
		served(task, "http://localhost:8084/media/images/task-other.png");
		Judged judged = this.judge.judge(new Delivery("chimera:review:x", "{}", "p"), result(task), HostedJudgeIntegrationTests.task());
		assertThat(judged.kind()).isNotEqualTo(Judged.Kind.APPROVED);
	}

	private void served(TaskId task, String mediaUrl) {
		this.jdbc.sql("""
				INSERT INTO served_tool_calls (task_id, tool, caller, arguments_sha256, outcome, result_ref, duration_ms)
				VALUES (?, 'generate_image', 'worker', ?, 'ok', ?, 120)
				""").params(task.value(), "a".repeat(64), mediaUrl).update();
	}

	private static ResultMessage result(TaskId task) {
		TaskOutput output = TaskOutput.post("twitter_post", HostedJudgeIntegrationTests.CLEAN, MEDIA, Platform.TWITTER,
				DisclosureLevel.AUTOMATED, "w", false);
		return new ResultMessage(task, AgentId.random(), output, new BigDecimal("0.97"), "ok",
				List.of(new ToolCall("generate_image", 120L, true, null)), Instant.parse("2026-06-01T10:01:00Z"), "worker-1", null,
				null, null, null);
	}
}
