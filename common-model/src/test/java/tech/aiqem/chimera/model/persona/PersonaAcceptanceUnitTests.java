package tech.aiqem.chimera.model.persona;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance set: every real persona file in {@code ../shared/datasets/personas/} (49 files, written by
 * others in SOUL.md, IDENTITY.md, elizaOS JSON, character sheets, plain text and CrewAI YAML) yields a
 * persona with a name, and a voice and topics or a warning that says which is missing.
 */
class PersonaAcceptanceUnitTests {

	static List<String> files() {
		return PersonaDatasets.personaFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void everyRealPersonaFileIsAccepted(String file) {
		// OpenClaw SOUL.md files leave the name to IDENTITY.md; the operator names the agent in the form.
		Persona persona = SoulMarkdown.parse(PersonaDatasets.read(file), "Form Name");
		System.out.printf("%-62s name=%-24s voice=%2d topics=%2d forbidden=%2d examples=%2d prose=%5d warnings=%s%n", file,
				persona.name(), persona.voice().size(), persona.topics().size(), persona.forbiddenTopics().size(),
				persona.examples().size(), persona.prose().length(), persona.warnings());
		assertThat(persona.name()).isNotBlank().doesNotContain("{{").hasSizeLessThanOrEqualTo(255);
		if (persona.name().equals("Form Name")) {
			assertThat(persona.warnings()).anyMatch(w -> w.startsWith("no name in the file"));
		}
		if (persona.voice().isEmpty()) {
			assertThat(persona.warnings()).anyMatch(w -> w.startsWith("no voice"));
		}
		if (persona.topics().isEmpty()) {
			assertThat(persona.warnings()).anyMatch(w -> w.startsWith("no topics"));
		}
		assertThat(persona.voice()).allSatisfy(rule -> assertThat(rule).isNotBlank().doesNotContain("{{"));
		assertThat(persona.topics()).allSatisfy(topic -> assertThat(topic).isNotBlank().doesNotContain("{{"));
	}
}
