package tech.aiqem.chimera.orchestrator.judge;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

/**
 * {@code POST /v1/agents/{agent_id}/judge/preview}: the offline judge's decision on a proposed result, from
 * judge-core's {@link JudgeCore#decide} exactly as the judge service runs it when its judge model is the
 * offline one, with the judge's own settings ({@code chimera.judge.*}). Read-only: nothing is stored,
 * queued, published or spent, and no model is called (a hosted judge could only lower the confidence).
 */
@RestController
class JudgePreviewController {

	private final JdbcClient jdbc;

	private final JudgeCore judge;

	private final Clock clock;

	private final BigDecimal threshold;

	private final boolean autoApprove;

	private final Set<String> blocklist;

	private final Set<String> linkAllowList;

	JudgePreviewController(JdbcClient jdbc, JudgeCore judge, Clock clock,
			// the judge service's settings and defaults (judge-service application.yml), from the same variables
			@Value("${chimera.judge.hitl-confidence-threshold:${HITL_CONFIDENCE_THRESHOLD:0.90}}") BigDecimal threshold,
			@Value("${chimera.judge.hitl-auto-approve:${HITL_AUTO_APPROVE:true}}") boolean autoApprove,
			@Value("${chimera.judge.blocklist:${CHIMERA_BLOCKLIST:guaranteed returns,miracle cure,get rich quick}}") List<String> blocklist,
			@Value("${chimera.judge.link-allow-list:${CHIMERA_LINK_ALLOW_LIST:}}") List<String> linkAllowList) {
		this.jdbc = jdbc;
		this.judge = judge;
		this.clock = clock;
		this.threshold = threshold;
		this.autoApprove = autoApprove;
		this.blocklist = Set.copyOf(blocklist.stream().filter(s -> !s.isBlank()).toList());
		this.linkAllowList = Set.copyOf(linkAllowList.stream().filter(s -> !s.isBlank()).toList());
	}

	@Operation(summary = "What the judge would decide about a proposed post or reply (no side effects)",
			description = "Body in the Worker → Judge result format (docs/architecture.md §5.2), task_id optional, plus an optional task "
					+ "context (docs/architecture.md §5.1). Answers {decision: approve|review|reject, confidence, findings[{code, severity, "
					+ "detail, span}], reasoning}. Reviewer role and up.")
	@PostMapping("/v1/agents/{agentId}/judge/preview")
	Preview preview(CurrentTenant tenant, @PathVariable UUID agentId, @Valid @RequestBody PreviewRequest request) {
		if (request.result().text() == null || request.result().text().isBlank()) {
			throw ApiException.invalid("result.text", "is required: the judge previews text to publish");
		}
		if (request.result().payment() != null) {
			throw ApiException.invalid("result.payment", "payments are judged with the wallet's policy and cannot be previewed");
		}
		String soul = this.jdbc.sql("SELECT persona_source FROM agents WHERE tenant_id = :tenant AND id = :id")
			.param("tenant", tenant.id().value())
			.param("id", agentId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("agent", agentId));
		Persona persona = SoulMarkdown.parse(soul);
		TaskContext context = request.context() != null ? request.context()
				: new TaskContext("preview of a post", persona.constraints(), List.of());
		TaskType type = context.mention() != null ? TaskType.REPLY_COMMENT : TaskType.CONTENT_GENERATION;
		ResultMessage result = new ResultMessage(request.taskId() != null ? request.taskId() : TaskId.random(), null,
				request.result(), request.confidenceScore(), request.reasoningTrace(), request.toolCalls(),
				request.completedAt() != null ? request.completedAt() : this.clock.instant(), "preview", null, null, null, null);
		Verdict verdict = this.judge.decide(new Draft(type, context, result, persona, this.blocklist, this.linkAllowList),
				this.threshold, this.autoApprove);
		return new Preview(verdict.outcome().wire(), verdict.confidence(),
				verdict.findings().stream().map(FindingView::of).toList(), verdict.reasoning());
	}

	/** @param decision approve, review or reject */
	record Preview(String decision, BigDecimal confidence, List<FindingView> findings, String reasoning) {
	}
}
