package tech.aiqem.chimera.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonAnswerUnitTests {

	@Test
	void plainJsonPasses() {
		assertThat(JsonAnswer.extract(" {\"a\": 1} ")).contains("{\"a\": 1}");
		assertThat(JsonAnswer.extract("[1, 2]")).contains("[1, 2]");
	}

	@Test
	void codeFencesAreStripped() {
		assertThat(JsonAnswer.extract("```json\n{\"a\": 1}\n```")).contains("{\"a\": 1}");
		assertThat(JsonAnswer.extract("```\n[true]\n```\n")).contains("[true]");
	}

	@Test
	void proseScalarsAndTrailingTextAreNotJson() {
		assertThat(JsonAnswer.extract("Hello! How can I assist you today?")).isEmpty();
		assertThat(JsonAnswer.extract("42")).isEmpty();
		assertThat(JsonAnswer.extract("{\"a\": 1} and some more words")).isEmpty();
		assertThat(JsonAnswer.extract("{\"a\": ")).isEmpty();
		assertThat(JsonAnswer.extract("```json\n```")).isEmpty();
	}
}
