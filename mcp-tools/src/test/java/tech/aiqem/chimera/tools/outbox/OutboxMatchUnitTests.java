package tech.aiqem.chimera.tools.outbox;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.Publication;

import static org.assertj.core.api.Assertions.assertThat;

/** A tool call matches its approved outbox row exactly, or it says what differs. */
class OutboxMatchUnitTests {

	private final Publication post = new Publication(Publication.POST, Platform.TWITTER, "Coffee at dawn ☕",
			List.of("https://media.example/a.png"), null, "m-42", null);

	private final Publication pay = Publication.pay(new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0",
			new BigDecimal("12.50"), "designer fee", Network.BASE));

	@Test
	void theApprovedPostMatchesAndEveryChangeIsNamed() {
		assertThat(OutboxMatch.post(this.post, call(Platform.TWITTER, " Coffee at dawn ☕ ", List.of("https://media.example/a.png"), "m-42")))
			.isNull();
		assertThat(OutboxMatch.post(this.post, call(Platform.THREADS, "Coffee at dawn ☕", List.of("https://media.example/a.png"), "m-42")))
			.contains("platform");
		assertThat(OutboxMatch.post(this.post, call(Platform.TWITTER, "Coffee at dawn ☕ DM me", List.of("https://media.example/a.png"), "m-42")))
			.contains("text");
		assertThat(OutboxMatch.post(this.post, call(Platform.TWITTER, "Coffee at dawn ☕", List.of(), "m-42"))).contains("media");
		assertThat(OutboxMatch.post(this.post, call(Platform.TWITTER, "Coffee at dawn ☕", List.of("https://media.example/a.png"), "m-43")))
			.contains("mention");
	}

	@Test
	void theApprovedPaymentMatchesWhateverTheAddressCaseAndScale() {
		assertThat(OutboxMatch.payment(this.pay, new Payment("0x742D35CC6634C0532925A3B844BC9E7595F0BEB0", new BigDecimal("12.5"),
				"anything", Network.BASE))).isNull();
		assertThat(OutboxMatch.payment(this.pay, new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb1", new BigDecimal("12.5"),
				"designer fee", Network.BASE))).contains("recipient");
		assertThat(OutboxMatch.payment(this.pay, new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", new BigDecimal("12.51"),
				"designer fee", Network.BASE))).contains("amount");
		assertThat(OutboxMatch.payment(this.pay, new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", new BigDecimal("12.5"),
				"designer fee", Network.ETHEREUM))).contains("network");
	}

	private static OutboxMatch.PostCall call(Platform platform, String text, List<String> media, String inReplyTo) {
		return new OutboxMatch.PostCall(platform, text, media, inReplyTo);
	}
}
