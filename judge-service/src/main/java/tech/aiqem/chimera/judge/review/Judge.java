package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;
import tech.aiqem.chimera.queue.Delivery;

/**
 * Judges one result against its task: staleness, then judge-core's checks and offline score (the same
 * code the orchestrator's preview runs), then the judge model. When the model that answered is the
 * offline one, the decision is judge-core's alone (the offline model has no judgement of its own; it is
 * still called so that its configured latency and the call accounting behave like a hosted judge's). A
 * hosted judge's rubric score can only lower the confidence: the deterministic findings veto it.
 */
public final class Judge {

	private final ModelGateway models;

	private final JudgeCore core;

	private final BigDecimal threshold;

	private final boolean autoApprove;

	private final Set<String> blocklist;

	private final Set<String> linkAllowList;

	private final PaymentScreen payments;

	private final Map<String, Persona> personas = new ConcurrentHashMap<>();

	public Judge(ModelGateway models, JudgeCore core, PaymentScreen payments, BigDecimal threshold, boolean autoApprove,
			Set<String> blocklist, Set<String> linkAllowList) {
		this.models = models;
		this.core = core;
		this.payments = payments;
		this.threshold = threshold;
		this.autoApprove = autoApprove;
		this.blocklist = blocklist;
		this.linkAllowList = linkAllowList;
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
		Draft draft = new Draft(task.type(), task.context(), result, persona, this.blocklist, this.linkAllowList);
		JudgeCore.Assessment assessment = this.core.assess(draft);
		List<Finding> findings = new ArrayList<>(assessment.findings());
		if (task.type() == TaskType.EXECUTE_TRANSACTION && result.result().payment() != null && !assessment.rejects()) {
			findings.addAll(this.payments.screen(task, result.result().payment()));
		}
		BigDecimal score = assessment.score();
		String judgeReasoning = "";
		BigDecimal cost = BigDecimal.ZERO;
		boolean rejectedAlready = findings.stream().anyMatch(f -> f.severity() == Finding.Severity.REJECT);
		if (!rejectedAlready && task.type() != TaskType.EXECUTE_TRANSACTION) {
			ModelReply reply = this.models.chat(ModelRole.JUDGE, HostedRubric.prompt(draft, assessment));
			cost = reply.costUsd();
			if (reply.offline()) {
				judgeReasoning = "offline judge: decided from the findings and the persona match";
			}
			else {
				HostedRubric.Score rubric = HostedRubric.parse(reply.text());
				score = score.min(rubric.score());
				judgeReasoning = rubric.reasoning();
				if (!rubric.complete()) {
					findings.add(Finding.escalate("judge_incomplete", null, "the judge model did not score every rubric criterion", null));
				}
				else if ("reject".equals(rubric.verdict())) {
					findings.add(Finding.escalate("judge_model_unsafe", ErrorCode.E1006, "the judge model considers it unsafe to publish", null));
				}
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
		return new Judged(delivery, result, task, kind, verdict.confidence(), verdict.code(), verdict.reasoning(), cost,
				verdict.findings());
	}
}
