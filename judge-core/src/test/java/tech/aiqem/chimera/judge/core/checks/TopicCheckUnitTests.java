package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

import static org.assertj.core.api.Assertions.assertThat;

/** Forbidden and persona topics by meaning: stems, related terms, and (with a fake encoder) similarity. */
class TopicCheckUnitTests {

	private final TopicCheck words = new TopicCheck(null);

	@Test
	void aForbiddenTopicIsFoundWhicheverFormOrRelatedWordThePostUses() {
		for (String text : List.of("Fashion and politics don't mix, but here we are", "Who are you voting for in the election?",
				"The senators wore terrible suits today", "Our politicians need a stylist", "Praying for everyone at church this Sunday",
				"Styling the MAGA rally crowd this weekend", "Putin wore that coat better", "Our stance on abortion, in a kemis")) {
			assertThat(this.words.check(Drafts.post(text))).as(text)
				.anySatisfy(f -> assertThat(f.code()).isEqualTo("forbidden_topic"));
		}
	}

	@Test
	void theSpanPointsAtTheOffendingWords() {
		String text = "New kemis drop! Also, the election is rigged.";
		Finding finding = this.words.check(Drafts.post(text)).get(0);
		assertThat(finding.span().text()).isEqualTo("election");
		assertThat(text.substring(finding.span().start(), finding.span().end())).isEqualTo("election");
		assertThat(finding.severity()).isEqualTo(Finding.Severity.ESCALATE);
	}

	@Test
	void anOnPersonaPostTouchesNoForbiddenTopicAndMatchesAPersonaTopic() {
		String text = "Weekend look: a hand-woven Habesha kemis with gold tibeb borders. Which colour would you wear?";
		assertThat(this.words.check(Drafts.post(text))).isEmpty();
		TopicCheck.TopicMatch match = this.words.match(text, Drafts.SELAM);
		assertThat(match.onTopic()).isTrue();
		assertThat(this.words.match("The stock market closed higher on Tuesday", Drafts.SELAM).onTopic()).isFalse();
	}

	@Test
	void aPostCloseToThePersonasOwnExamplesIsOnPersonaAtTheirThreshold() {
		// a fake encoder: coffee-ceremony texts point one way, the persona's topics and identity another, the rest a third
		SentenceEncoder encoder = text -> text.toLowerCase().contains("buna") ? new float[] { 1, 0, 0 }
				: text.toLowerCase().contains("roasted") ? new float[] { 0.3f, 0, (float) Math.sqrt(1 - 0.09) }
				: new float[] { 0, 1, 0 };
		TopicCheck check = new TopicCheck(encoder);
		Persona selam = Drafts.SELAM;
		Persona withExamples = new Persona(selam.name(), selam.identity(), selam.voice(), selam.topics(), selam.forbiddenTopics(),
				selam.approvedBrands(), selam.disclosure(), selam.languages(), selam.prose(), List.of("Sunday buna with my grandmother"), List.of());
		TopicCheck.TopicMatch own = check.match("Buna time at the market", withExamples);
		assertThat(own.onTopic()).isTrue();
		assertThat(own.topic()).startsWith("its own example");
		assertThat(own.threshold()).isEqualTo(TopicCheck.ON_PERSONA_WITH_EXAMPLES);
		// 0.30 from the closest example: under the threshold that comes with examples
		assertThat(check.match("Freshly roasted beans", withExamples).onTopic()).isFalse();
		// without examples the persona's threshold is the topics' own
		assertThat(check.match("Buna time at the market", selam).threshold()).isEqualTo(TopicCheck.ON_TOPIC_SIMILARITY);
	}

	@Test
	void thePhraseVectorsKeptAreBounded() {
		int[] calls = new int[1];
		TopicCheck check = new TopicCheck(text -> {
			calls[0]++;
			return new float[] { 0, 1, 0 };
		});
		Persona selam = Drafts.SELAM;
		List<String> examples = java.util.stream.IntStream.range(0, TopicCheck.EXAMPLES_READ).mapToObj(i -> "example post " + i).toList();
		for (int persona = 0; persona < 2 * TopicCheck.CACHED_VECTORS / TopicCheck.EXAMPLES_READ; persona++) {
			int p = persona;
			check.match("a post", new Persona(selam.name(), selam.identity(), selam.voice(), selam.topics(), selam.forbiddenTopics(),
					selam.approvedBrands(), selam.disclosure(), selam.languages(), selam.prose(), examples.stream().map(e -> e + " of " + p).toList(),
					List.of()));
			assertThat(check.cachedVectors()).isLessThanOrEqualTo(TopicCheck.CACHED_VECTORS);
		}
		assertThat(calls[0]).isGreaterThan(2 * TopicCheck.CACHED_VECTORS);
	}

	@Test
	void anEncoderFindsAForbiddenTopicNoWordOfWhichOccurs() {
		// a fake encoder: texts about having a say point one way, everything else another
		SentenceEncoder encoder = text -> text.toLowerCase().contains("have our say") || text.equals("politics") ? new float[] { 1, 0, 0 }
				: text.equals("religion") ? new float[] { 0, 0, 1 } : new float[] { 0, 1, 0 };
		TopicCheck check = new TopicCheck(encoder);
		assertThat(check.check(Drafts.post("Tomorrow we all have our say: wear your best outfit")))
			.anySatisfy(f -> assertThat(f.detail()).contains("similarity"));
		assertThat(check.check(Drafts.post("My favourite kemis this season"))).isEmpty();
	}

	@Test
	void statementsAboutReligiousGroupsReadAsTheForbiddenTopicReligion() {
		// TOXIGEN's neutral seed statements about Muslims and Jews (train split): about religion, not hateful
		Persona persona = SoulMarkdown.parse("# Tester\n## Voice\n- calm\n## Topics\n- fashion\n## Forbidden topics\n- religion\n");
		List<Datasets.Record> religious = Datasets.read("safety/train.jsonl").stream()
			.filter(r -> r.source().contains("TOXIGEN") && (r.origLabel().equals("neutral:muslim") || r.origLabel().equals("neutral:jewish")))
			.toList();
		long found = religious.stream()
			.filter(r -> !this.words.check(Drafts.post(r.text(), persona, List.of())).isEmpty())
			.count();
		assertThat(religious).hasSizeGreaterThan(20);
		assertThat((double) found / religious.size()).isGreaterThan(0.6);
	}
}
