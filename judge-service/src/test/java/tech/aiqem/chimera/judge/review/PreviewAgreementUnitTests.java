package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.offline.OfflineModel;
import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.persona.SoulMarkdown;
import tech.aiqem.chimera.queue.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge service with the offline model decides exactly what judge-core's preview decides (the code
 * behind POST /v1/agents/{id}/judge/preview): same outcome, confidence and findings, for clean, escalated
 * and rejected results.
 */
class PreviewAgreementUnitTests {

	private static final ToxicityClassifier SAFETY = text -> text.contains("idiot")
			? new ToxicityClassifier.ToxicityScore(0.1, 0.92, 0.92, true, "insult", List.of("fake"))
			: new ToxicityClassifier.ToxicityScore(0.01, 0.01, 0.01, false, "clean", List.of());

	@Test
	void theJudgeWithTheOfflineModelAndThePreviewAgree() {
		JudgeCore core = new JudgeCore(null, SAFETY, ToolCallVerifier.DECLARED);
		OfflineModel offline = new OfflineModel(Duration.ZERO, Duration.ZERO);
		ModelGateway gateway = (role, prompt) -> offline.chat(role, prompt, null);
		BigDecimal threshold = new BigDecimal("0.90");
		Judge judge = new Judge(gateway, core, (task, payment) -> List.of(), threshold, true, Set.of(), Set.of());
		for (String text : List.of(HostedJudgeIntegrationTests.CLEAN, "Styling a Shein scarf with my Habesha kemis",
				"Habesha kemis and the election results", "Order your kemis on +44 7400 123456", "You are an idiot if you skip this kemis",
				"The quarterly earnings call went long today")) {
			ResultMessage result = HostedJudgeIntegrationTests.result(text);
			TaskState task = HostedJudgeIntegrationTests.task();
			Judged judged = judge.judge(new Delivery("q", "{}", "p"), result, task);
			Verdict preview = core.decide(new Draft(task.type(), task.context(), result, SoulMarkdown.parse(task.personaSource()),
					Set.of(), Set.of()), threshold, true);
			assertThat(judged.kind().name()).as(text).isEqualTo(switch (preview.outcome()) {
				case APPROVE -> "APPROVED";
				case HUMAN_REVIEW -> "HUMAN_REVIEW";
				case REJECT -> "REJECTED";
			});
			assertThat(judged.confidence()).as(text).isEqualByComparingTo(preview.confidence());
			assertThat(judged.findings()).as(text).isEqualTo(preview.findings());
		}
	}
}
