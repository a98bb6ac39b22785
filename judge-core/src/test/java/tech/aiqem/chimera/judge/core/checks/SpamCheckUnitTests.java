package tech.aiqem.chimera.judge.core.checks;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** Links off the allow-list, DM solicitations, giveaways and money promises. */
class SpamCheckUnitTests {

	private final SpamCheck check = new SpamCheck();

	private static Draft allowing(String text, String host) {
		Draft draft = Drafts.post(text);
		return new Draft(draft.type(), draft.context(), draft.result(), draft.persona(), Set.of(), Set.of(host));
	}

	@Test
	void linksMustBeOnTheAllowList() {
		assertThat(this.check.check(Drafts.post("Shop it at https://cheap-kemis.xyz/deal now")))
			.singleElement().satisfies(f -> {
				assertThat(f.code()).isEqualTo("outbound_link");
				assertThat(f.span().text()).isEqualTo("https://cheap-kemis.xyz/deal");
			});
		assertThat(this.check.check(allowing("Shop it at https://shop.selamstyle.com/kemis", "selamstyle.com"))).isEmpty();
		assertThat(this.check.check(allowing("Shop it at selamstyle.com/kemis", "selamstyle.com"))).isEmpty();
	}

	@Test
	void scamsAreRejectedSolicitationsAndGiveawaysEscalated() {
		assertThat(this.check.check(Drafts.post("Earn $500 a day from home, guaranteed returns!")))
			.anySatisfy(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.REJECT));
		assertThat(this.check.check(Drafts.post("Send 0.1 ETH and get 0.2 back")))
			.anySatisfy(f -> assertThat(f.code()).isEqualTo("scam"));
		assertThat(this.check.check(Drafts.post("DM me for the price")))
			.singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("dm_solicitation"));
		assertThat(this.check.check(Drafts.post("Kemis GIVEAWAY: like and share to enter")))
			.singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("giveaway"));
	}

	@Test
	void ordinaryTweetsAreNotScams() {
		List<Datasets.Record> tweets = Datasets.read("injection/train.jsonl").stream().filter(r -> r.kind().equals("benign_tweet")).toList();
		long scams = tweets.stream().filter(r -> this.check.check(Drafts.post(r.text())).stream().anyMatch(f -> f.code().equals("scam"))).count();
		assertThat((double) scams / tweets.size()).isLessThan(0.005);
	}
}
