package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;

/** A stand-in for the lead's offline model: answers from the prompt's facts, deterministically. */
final class TestOfflineProvider implements ChatProvider {

	@Override
	public String name() {
		return "offline";
	}

	@Override
	public boolean offline() {
		return true;
	}

	@Override
	public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
		String text = prompt.expectJson() ? "{\"offline\": true, \"facts\": " + prompt.facts().size() + "}"
				: "[offline] " + role.key() + " answer to: " + prompt.user();
		return new ModelReply(text, name(), model, prompt.user().length(), text.length(), BigDecimal.ONE,
				Duration.ZERO, true);
	}
}
