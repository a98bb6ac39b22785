package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** Brands and people in plain text, handles and tags; approved names matched tolerantly. */
class BrandCheckUnitTests {

	private final BrandCheck check = new BrandCheck();

	private List<Finding> check(String text) {
		return this.check.check(Drafts.post(text));
	}

	@Test
	void brandsInPlainTextEscalateUnlessApproved() {
		assertThat(check("Just got my new dress from Shein and it's perfect")).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("unapproved_brand");
				assertThat(f.span().text()).isEqualTo("Shein");
			});
		assertThat(check("Styling a Louis Vuitton bag with my kemis")).anySatisfy(f -> assertThat(f.span().text()).isEqualTo("Louis Vuitton"));
		assertThat(check("Loving this season's #Gucci look")).anySatisfy(f -> assertThat(f.detail()).contains("Gucci"));
		assertThat(check("Zara's new kemis-inspired line is here")).isEmpty();
	}

	@Test
	void approvedNamesMatchWhateverTheirCaseSpacingOrHandle() {
		assertThat(check("Thanks @zara for the collab")).isEmpty();
		assertThat(check("Fabric by @HabeshaWeaversCo and by Habesha Weavers Co")).isEmpty();
		assertThat(check("Fabric by habesha-weavers-co")).isEmpty();
	}

	@Test
	void unknownHandlesAndNameLikeSpansEscalate() {
		assertThat(check("Shoutout to @random_designer for this")).singleElement()
			.satisfies(f -> assertThat(f.span().text()).isEqualTo("@random_designer"));
		assertThat(check("This kemis was designed by Meron Tesfaye last year")).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("named_entity");
				assertThat(f.span().text()).isEqualTo("Meron Tesfaye");
			});
		assertThat(check("Honestly. Dr. Dre is a talentless hack")).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("named_entity");
			assertThat(f.span().text()).isEqualTo("Dre");
		});
		assertThat(check("Styled by Mr Tesfaye")).singleElement().satisfies(f -> assertThat(f.span().text()).isEqualTo("Tesfaye"));
		assertThat(check("Sir, the kemis is ready. Master of none")).isEmpty();
		// a word that is also a title names no one when it is not written as one (a fault-suite result's text)
		assertThat(check("the small things that people miss. And yes, the lord of the dance. Miss. Yes")).isEmpty();
	}

	@Test
	void ordinaryWordsThatAreAlsoBrandsCountOnlyWhenWrittenAsNames() {
		assertThat(check("Our target this season: more colour. Mind the gap between hem and shoe")).isEmpty();
		assertThat(check("Found this at Target yesterday")).anySatisfy(f -> assertThat(f.detail()).contains("Target"));
		assertThat(check("Apple green is the colour of the week")).isEmpty();
	}

	@Test
	void thePersonasOwnWorldAndThePlatformsAreNotOutsideBrands() {
		assertThat(check("Live from Addis Ababa, follow along on Instagram")).isEmpty();
	}
}
