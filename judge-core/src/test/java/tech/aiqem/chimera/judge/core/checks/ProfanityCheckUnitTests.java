package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** Profanity escalates, slurs are rejected, whole words only. */
class ProfanityCheckUnitTests {

	private final ProfanityCheck check = new ProfanityCheck();

	@Test
	void profanityEscalatesSlursAreRejectedWithTheWordMarked() {
		assertThat(this.check.check(Drafts.post("This kemis is the shit, no bullshit"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("profanity");
			assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE);
			assertThat(f.span().text()).isEqualTo("shit");
		});
		assertThat(this.check.check(Drafts.post("Shut up, you white trash"))).anySatisfy(f -> assertThat(f.code()).isEqualTo("slur"));
		assertThat(this.check.check(Drafts.post("Assess the classic pass: Scunthorpe, cocktail, dickens"))).isEmpty();
		assertThat(this.check.check(Drafts.post("Taking out the trash, then cheese and crackers with my redneck cousins"))).isEmpty();
		assertThat(this.check.check(Drafts.post("Coon hunting season opens Saturday"))).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE));
	}

	@Test
	void disguisedWordsCountWithoutASpan() {
		assertThat(this.check.check(Drafts.post("Y0u are a w0rthless piece of sh1t"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("profanity");
			assertThat(f.detail()).contains("\"shit\"");
			assertThat(f.span()).isNull();
		});
		assertThat(this.check.check(Drafts.post("you b i t c h"))).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("profanity"));
		assertThat(this.check.check(Drafts.post("n1ggas everywhere"))).anySatisfy(f -> assertThat(f.code()).isEqualTo("slur"));
		assertThat(this.check.check(Drafts.post("Top 10 looks of 2026, 4 ever in style"))).isEmpty();
	}

	@Test
	void aSlursRespellingsAreRejectedLikeTheSlur() {
		// train tweets that spell the slur otherwise ("niccas", "niggah", "nigguh", "niqqa"): public texts, not ours
		List<Datasets.Record> respelt = Datasets.read("safety/train.jsonl").stream()
			.filter(r -> r.source().startsWith("t-davidson") && !r.label().equals("clean"))
			.filter(r -> r.text().matches("(?is).*\\b(nicca|niggah|nigguh|niqqa)s?\\b.*") && !r.text().matches("(?is).*\\bnigg(a|er)s?\\b.*"))
			.limit(200)
			.toList();
		assertThat(respelt).hasSizeGreaterThan(100);
		assertThat(respelt).allSatisfy(r -> assertThat(this.check.check(Drafts.post(r.text())))
			.anySatisfy(f -> assertThat(f.code()).isEqualTo("slur")));
		assertThat(this.check.check(Drafts.post("Nicaragua and the Niger delta, on the night shift"))).isEmpty();
	}

	@Test
	void mostOffensiveTweetsAreCaughtAndFewCleanOnes() {
		// Davidson (train): "offensive_language" tweets mostly swear; "neither" ones mostly do not
		List<Datasets.Record> train = Datasets.read("safety/train.jsonl").stream().filter(r -> r.source().startsWith("t-davidson")).toList();
		List<Datasets.Record> insults = train.stream().filter(r -> r.label().equals("insult")).limit(2000).toList();
		List<Datasets.Record> clean = train.stream().filter(r -> r.label().equals("clean")).toList();
		double caught = insults.stream().filter(r -> !this.check.check(Drafts.post(r.text())).isEmpty()).count() / (double) insults.size();
		double falseAlarms = clean.stream().filter(r -> !this.check.check(Drafts.post(r.text())).isEmpty()).count() / (double) clean.size();
		assertThat(caught).isGreaterThan(0.9);
		// Davidson's "neither" tweets were sampled for hate-lexicon words ("trash", "bitch" in harmless senses, see
		// the datasets README); with "trash", "cracker", "redneck", "hillbilly" and "gypsy" off the lists (a
		// quarter of them were flagged before) about one in sixteen still swears, and only goes to a human
		assertThat(falseAlarms).isLessThan(0.10);
	}
}
