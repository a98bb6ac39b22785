package tech.aiqem.chimera.tools.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LostAnswersUnitTests {

	static final class Recording implements SocialPlatform {

		final List<String> keys = new ArrayList<>();

		int failures;

		@Override
		public Platform platform() {
			return Platform.TWITTER;
		}

		@Override
		public String adapter() {
			return "sandbox";
		}

		@Override
		public PublishedPost publish(OutgoingPost post) {
			if (this.failures > 0) {
				this.failures--;
				throw new IllegalStateException("the platform's store is down");
			}
			this.keys.add(post.idempotencyKey());
			return new PublishedPost("post-" + this.keys.size(), Instant.EPOCH);
		}

		@Override
		public Optional<PublishedPost> find(OutgoingPost post, Instant since) {
			return this.keys.contains(post.idempotencyKey()) ? Optional.of(new PublishedPost("found", Instant.EPOCH))
					: Optional.empty();
		}

		@Override
		public List<RecentMention> mentions(AccountRef account, Instant since, Instant until) {
			return List.of();
		}
	}

	static OutgoingPost post(String key) {
		return new OutgoingPost(new AccountRef(AgentId.random(), TenantId.random(), Platform.TWITTER, "selam", null), "Kemis",
				List.of(), DisclosureLevel.NONE, false, null, key);
	}

	@Test
	void aLostAnswerLeavesThePostOutAndACallAgainPostsAgainAsOnAPlatformWithoutIdempotency() {
		Recording platform = new Recording();
		LostAnswers knob = new LostAnswers(platform, 1.0);
		assertThatThrownBy(() -> knob.publish(post("task-1"))).isInstanceOfSatisfying(PlatformException.class,
				ex -> assertThat(ex.kind()).isEqualTo(PlatformException.Kind.UNAVAILABLE));
		assertThat(knob.find(post("task-1"), Instant.EPOCH)).as("the post went out").isPresent();
		knob.publish(post("task-1"));
		assertThat(platform.keys).containsExactly("task-1", "task-1#2");
	}

	@Test
	void aCallThatFailedBeforeThePlatformTookThePostIsNotCountedAsAPost() {
		Recording platform = new Recording();
		platform.failures = 1;
		LostAnswers knob = new LostAnswers(platform, 0.0);
		assertThatThrownBy(() -> knob.publish(post("task-2"))).isInstanceOf(IllegalStateException.class);
		knob.publish(post("task-2"));
		assertThat(platform.keys).as("the first post the platform took, under the task's own key").containsExactly("task-2");
	}

	@Test
	void theShareIsPickedByTaskIdAndNoneIsLostAtZero() {
		LostAnswers none = new LostAnswers(new Recording(), 0.0);
		LostAnswers some = new LostAnswers(new Recording(), 0.2);
		long lost = 0;
		for (int i = 0; i < 1000; i++) {
			assertThat(none.loses("task-" + i)).isFalse();
			lost += some.loses("task-" + i) ? 1 : 0;
			assertThat(some.loses("task-" + i)).as("the same every time").isEqualTo(some.loses("task-" + i));
		}
		assertThat(lost).isBetween(150L, 250L);
	}
}
