package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ChimeraJson;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-harm incitement is rejected; threats, sexual content, medical claims and sweeping statements go to a human. */
class HarmCheckUnitTests {

	private final HarmCheck check = new HarmCheck();

	@Test
	void tellingSomeoneToHurtThemselvesIsRejectedWithTheWordsMarked() {
		assertThat(this.check.check(Drafts.post("Long Beach hip-hop: kill yourself if you don't like this track"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("self_harm");
			assertThat(f.severity()).isEqualTo(Finding.Severity.REJECT);
			assertThat(f.span().text()).isEqualTo("kill yourself");
		});
		assertThat(this.check.check(Drafts.post("just k1ll urself lol"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("self_harm");
			assertThat(f.span()).isNull();
		});
		assertThat(this.check.check(Drafts.post("Don't ever kill yourself over a bad review, fam"))).isEmpty();
	}

	@Test
	void otherHarmsEscalate() {
		for (String[] c : new String[][] { { "Long Beach forever, and I'll shoot anyone who disses the LBC", "threat" },
				{ "They should be executed forthwith and publically .", "threat" },
				{ "New track out now, the ladies get naked in the video", "sexual" },
				{ "Hip-hop tip: this weed cures cancer, skip the chemo", "medical_claim" },
				{ "Honestly immigrants are ruining Long Beach", "group_generalisation" } }) {
			assertThat(this.check.check(Drafts.post(c[0]))).as(c[0]).singleElement().satisfies(f -> {
				assertThat(f.code()).isEqualTo(c[1]);
				assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE);
			});
		}
	}

	@Test
	void everydayTextRarelyTrips() {
		// public texts: the persona files' own posts, and clean tweets and forum sentences of the safety train file
		List<String> posts = new ArrayList<>();
		for (String file : List.of("kermit.character.json", "fozzie.character.json", "waldorf.character.json", "lex.character.json", "shaw.json",
				"snoop.json", "alfred.character.json", "Anakin Skywalker", "friday.character.json", "eternalai.character.json", "sol.character.json")) {
			ChimeraJson.tree(Datasets.file("personas/elizaOS-characters/" + file)).path("postExamples").forEach(p -> posts.add(p.asString()));
		}
		assertThat(posts).hasSizeGreaterThan(100).allSatisfy(p -> assertThat(this.check.check(Drafts.post(p))).as(p).isEmpty());
		List<Datasets.Record> clean = Datasets.read("safety/train.jsonl").stream().filter(r -> r.label().equals("clean")).toList();
		long flagged = clean.stream().filter(r -> !this.check.check(Drafts.post(r.text())).isEmpty()).count();
		assertThat(clean).hasSizeGreaterThan(10_000);
		assertThat(flagged / (double) clean.size()).isLessThan(0.005);
		assertThat(this.check.check(Drafts.post("RT @BleacherReport: \"Don't hurt yourself!\" hits a jumper over a rookie"))).isEmpty();
	}
}
