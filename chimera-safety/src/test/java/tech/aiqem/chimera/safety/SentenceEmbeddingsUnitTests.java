package tech.aiqem.chimera.safety;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The shared MiniLM model, its memory of recent texts, and the heads' tie to it. */
class SentenceEmbeddingsUnitTests {

	private final SentenceEmbeddings embeddings = SentenceEmbeddings.shared();

	@Test
	void aTextEmbeddedAgainGetsTheSameVectorInItsOwnArray() {
		String text = "Our summer collection drops on Friday: linen, handwoven cotton and Addis colours.";
		float[] first = this.embeddings.embed(text);
		float[] again = this.embeddings.embed(text);
		assertThat(again).isNotSameAs(first).containsExactly(first);
		first[0] = 42f;
		assertThat(this.embeddings.embed(text)[0]).isEqualTo(again[0]);
	}

	@Test
	void rememberedVectorsAreTheModelsOwn() {
		String text = "Which fabrics keep you cool in the rainy season?";
		float[] remembered = this.embeddings.embed(text);
		float[] computed = this.embeddings.embedAll(List.of(text)).get(0);
		for (int i = 0; i < computed.length; i++) {
			assertThat(remembered[i]).isCloseTo(computed[i], within(1e-5f));
		}
	}

	@Test
	void blankTextIsTheZeroVector() {
		assertThat(this.embeddings.embed(" ")).hasSize(SentenceEmbeddings.DIMENSIONS).containsOnly(0f);
	}

	@Test
	void aHeadTrainedOnAnotherModelsVectorsIsRefusedOnLoad() {
		assertThatThrownBy(() -> LearnedHead.load("head-of-another-model.json")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("all-MiniLM-L6-v2 (float32)")
			.hasMessageContaining("retrain");
		assertThat(LearnedHead.load(InjectionDetector.HEAD_RESOURCE).parameters().figures()).containsEntry("embedding_model",
				SentenceEmbeddings.MODEL);
	}
}
