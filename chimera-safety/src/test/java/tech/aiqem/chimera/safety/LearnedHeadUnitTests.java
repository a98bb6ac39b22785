package tech.aiqem.chimera.safety;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The heads' weights as written and read back, and a head whose vectors do not fit its shape. */
class LearnedHeadUnitTests {

	@Test
	void weightsComeBackWithinHalfAStepOfTheLargest() {
		float[] weights = { 3.4665065f, -3.4665065f, 0.13665154f, -0.0000301f, 0f, 1.5f, -2.25f };
		float[] read = LearnedHead.floats(LearnedHead.base64(weights));
		float halfStep = 3.4665065f / Short.MAX_VALUE / 2;
		assertThat(read).hasSameSizeAs(weights);
		for (int i = 0; i < weights.length; i++) {
			assertThat(read[i]).as("weight %d", i).isCloseTo(weights[i], within(halfStep * 1.001f));
		}
		assertThat(read[4]).isZero();
	}

	@Test
	void anAllZeroVectorStaysZero() {
		assertThat(LearnedHead.floats(LearnedHead.base64(new float[5]))).containsOnly(0f).hasSize(5);
	}

	@Test
	void aVectorOfTheWrongLengthIsRefused() {
		String tooShort = LearnedHead.base64(new float[SentenceEmbeddings.DIMENSIONS + 3]);
		LearnedHead.Parameters parameters = new LearnedHead.Parameters("injection", List.of("injection"), false, 4, 0.25, 600,
				new double[] { 0 }, List.of(tooShort), new double[] { 1, 0 }, new double[] { 0, 1, 0 }, 0.5, Map.of());
		assertThatThrownBy(() -> new LearnedHead(parameters)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("387 values, not 388");
	}
}
