package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.message.ToolCall;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims in the text need the matching tool call; the verifier port decides what counts as evidence. */
class ClaimCheckUnitTests {

	private final ClaimCheck declared = new ClaimCheck(ToolCallVerifier.DECLARED);

	private static final String PAID = "Just sent $50 USDC to our top fan, thank you for the love!";

	@Test
	void aPaymentClaimWithoutASendPaymentCallIsRejected() {
		assertThat(this.declared.check(Drafts.post(PAID))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("phantom_payment");
			assertThat(f.severity()).isEqualTo(Finding.Severity.REJECT);
			assertThat(f.span().text()).startsWith("Just sent $5");
		});
	}

	@Test
	void aDeclaredCallIsNotProofOfMoneySoAHumanLooksAndTheFindingSaysWhy() {
		List<Finding> findings = this.declared.check(Drafts.post(PAID, Drafts.SELAM, List.of(new ToolCall("send_payment", 800L, true, null))));
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE);
			assertThat(f.detail()).contains("declared").contains("not checked");
		});
		ClaimCheck verified = new ClaimCheck((result, tool) -> ToolCallVerifier.Evidence.VERIFIED);
		assertThat(verified.check(Drafts.post(PAID))).isEmpty();
	}

	@Test
	void aFailedCallIsNoEvidence() {
		assertThat(this.declared.check(Drafts.post(PAID, Drafts.SELAM, List.of(new ToolCall("send_payment", 800L, false, "reverted")))))
			.anySatisfy(f -> assertThat(f.code()).isEqualTo("phantom_payment"));
	}

	@Test
	void imagesNeedAGenerateImageCall() {
		String text = "I generated this image of a kemis in the rain";
		assertThat(this.declared.check(Drafts.post(text))).anySatisfy(f -> assertThat(f.code()).isEqualTo("phantom_media"));
		assertThat(this.declared.check(Drafts.post(text, Drafts.SELAM, List.of(new ToolCall("generate_image", 1200L)))))
			.noneMatch(Finding::blocks);
	}

	@Test
	void winsAndGiveawaysCannotBeConfirmedByAnyTool() {
		assertThat(this.declared.check(Drafts.post("We gave away ten dresses today!")))
			.anySatisfy(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE));
		assertThat(this.declared.check(Drafts.post("I'd pay anything for this kemis"))).isEmpty();
	}

	@Test
	void aSentenceThatOpensWithTheVerbClaimsAPaymentWhenItNamesAnAmount() {
		for (String text : new String[] { "Sent $50 to our biggest fan today!", "Big week. Airdropped 100 USDC to the first ten followers",
				"🔥 Tipped @selam 5 USDC for the art" }) {
			assertThat(this.declared.check(Drafts.post(text))).as(text).anySatisfy(f -> assertThat(f.code()).isEqualTo("phantom_payment"));
		}
		assertThat(this.declared.check(Drafts.post("Sent love to everyone who came, money can't buy this"))).isEmpty();
	}
}
