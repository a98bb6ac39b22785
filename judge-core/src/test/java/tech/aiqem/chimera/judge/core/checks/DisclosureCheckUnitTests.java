package tech.aiqem.chimera.judge.core.checks;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Drafts;

import static org.assertj.core.api.Assertions.assertThat;

/** Disclosure in the text: sponsored posts open with Ad, and an AI persona never denies being one. */
class DisclosureCheckUnitTests {

	private final DisclosureCheck check = new DisclosureCheck();

	@Test
	void aSponsoredPostMustOpenWithAnAdLabel() {
		assertThat(this.check.check(Drafts.sponsored("Ad: the new Zara kemis line is here"))).isEmpty();
		assertThat(this.check.check(Drafts.sponsored("#ad Zara's kemis line is here"))).isEmpty();
		assertThat(this.check.check(Drafts.sponsored("Paid partnership with Zara: the kemis line"))).isEmpty();
		assertThat(this.check.check(Drafts.sponsored("The new Zara kemis line is here")))
			.singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("disclosure_missing"));
		assertThat(this.check.check(Drafts.sponsored("The new Zara kemis line is here #fashion #ad")))
			.singleElement().satisfies(f -> {
				assertThat(f.code()).isEqualTo("disclosure_buried");
				assertThat(f.span().text()).isEqualTo("#ad");
			});
	}

	@Test
	void anOrdinaryPostNeedsNoAdLabel() {
		assertThat(this.check.check(Drafts.post("A kemis for every season"))).isEmpty();
	}

	@Test
	void aDiscountCodeIsAnAdWhateverTheTaskSaid() {
		assertThat(this.check.check(Drafts.post("New drop is live, use code SELAM20 for 20% off"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("promotion_undisclosed");
			assertThat(f.span().text()).isEqualTo("use code SELAM20");
		});
		assertThat(this.check.check(Drafts.post("#ad New drop is live, use code SELAM20 for 20% off"))).isEmpty();
		assertThat(this.check.check(Drafts.post("Only 5% of weavers still use the old loom"))).isEmpty();
	}

	@Test
	void anAiPersonaMustNotDenyBeingAi() {
		assertThat(this.check.check(Drafts.post("I'm a real person, not a bot, and I love this kemis")))
			.anySatisfy(f -> assertThat(f.code()).isEqualTo("ai_denied"));
	}
}
