package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.infra.model.ModelGateway;
import tech.aiqem.chimera.infra.model.ModelReply;
import tech.aiqem.chimera.infra.model.ModelRole;
import tech.aiqem.chimera.infra.queue.Delivery;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/** Judges one result against its task: staleness, deterministic checks, the judge model, the verdict. */
public final class Judge {

	private final ModelGateway models;

	private final BigDecimal threshold;

	private final boolean autoApprove;

	private final Set<String> blocklist;

	private final PaymentScreen payments;

	private final Map<String, Persona> personas = new ConcurrentHashMap<>();

	public Judge(ModelGateway models, PaymentScreen payments, BigDecimal threshold, boolean autoApprove,
			Set<String> blocklist) {
		this.models = models;
		this.payments = payments;
		this.threshold = threshold;
		this.autoApprove = autoApprove;
		this.blocklist = blocklist;
	}

	public Judged judge(Delivery delivery, ResultMessage result, TaskState task) {
		if (task.settled()) {
			return new Judged(delivery, result, task, Judged.Kind.DUPLICATE, null, null, "already " + task.status(), BigDecimal.ZERO);
		}
		if (result.failed()) {
			return new Judged(delivery, result, task, Judged.Kind.FAILED, null, result.errorCode(),
					result.errorMessage() == null ? "worker failure" : result.errorMessage(), BigDecimal.ZERO);
		}
		String stale = task.staleness();
		if (stale != null) {
			return new Judged(delivery, result, task, Judged.Kind.INVALIDATED, result.confidenceScore(), ErrorCode.E1004,
					"invalidated: " + stale, BigDecimal.ZERO);
		}
		Persona persona = this.personas.computeIfAbsent(task.personaSource(), SoulMarkdown::parse);
		List<Finding> findings = new java.util.ArrayList<>(
				ResultChecks.run(task.type(), task.context(), result, persona, this.blocklist));
		if (task.type() == TaskType.EXECUTE_TRANSACTION && result.result().payment() != null
				&& findings.stream().noneMatch(f -> f.severity() == Finding.Severity.REJECT)) {
			findings.addAll(this.payments.screen(task, result.result().payment()));
		}
		BigDecimal score = BigDecimal.ONE;
		String judgeReasoning = "";
		BigDecimal cost = BigDecimal.ZERO;
		boolean rejectedAlready = findings.stream().anyMatch(f -> f.severity() == Finding.Severity.REJECT);
		if (!rejectedAlready && task.type() != TaskType.EXECUTE_TRANSACTION) {
			ModelReply reply = this.models.chat(ModelRole.JUDGE, JudgePrompt.of(task.type(), result, persona, findings));
			JsonNode answer = ChimeraJson.tree(reply.text());
			double value = answer.path("score").isNumber() ? answer.path("score").asDouble() : 0;
			score = BigDecimal.valueOf(Math.max(0, Math.min(1, value))).setScale(2, RoundingMode.HALF_UP);
			judgeReasoning = answer.path("reasoning").asString("");
			cost = reply.costUsd();
			if ("reject".equals(answer.path("verdict").asString("")) && score.compareTo(new BigDecimal("0.3")) < 0) {
				findings.add(Finding.escalate(ErrorCode.E1006, "the judge model considers it unsafe to publish"));
			}
		}
		// A payment that started from third-party text never goes out without a human, whatever the scores.
		boolean requiresHuman = task.type() == TaskType.EXECUTE_TRANSACTION && task.context().fromThirdParty();
		Verdict verdict = Verdict.decide(result.confidenceScore(), score, judgeReasoning, findings, this.threshold,
				this.autoApprove, requiresHuman);
		Judged.Kind kind = switch (verdict.outcome()) {
			case APPROVE -> Judged.Kind.APPROVED;
			case HUMAN_REVIEW -> Judged.Kind.HUMAN_REVIEW;
			case REJECT -> Judged.Kind.REJECTED;
		};
		return new Judged(delivery, result, task, kind, verdict.confidence(), verdict.code(), verdict.reasoning(), cost);
	}
}
