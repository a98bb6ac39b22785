package tech.aiqem.chimera.tools.post;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.mcp.ToolError;

/**
 * The AI disclosure rules, pure. The persona's level is the minimum: a persona that says
 * {@code automated} allows only {@code automated}; {@code assisted} allows assisted or automated;
 * {@code none} allows anything. The label goes into the text the platform receives.
 */
final class Disclosure {

	static final String AUTOMATED_LABEL = "🤖 AI-generated #AI";

	static final String ASSISTED_LABEL = "#AIassisted";

	private Disclosure() {
	}

	static DisclosureLevel decide(DisclosureLevel requested, DisclosureLevel persona) {
		if (requested == null) {
			return persona;
		}
		if (strength(requested) < strength(persona)) {
			throw new ToolError(Reason.DISCLOSURE_NOT_ALLOWED, "post_content: disclosure_level \"" + requested.wire()
					+ "\" is not allowed for this agent: its persona requires \"" + persona.wire() + "\""
					+ (persona == DisclosureLevel.AUTOMATED ? "" : " or stronger"));
		}
		return requested;
	}

	static String label(String text, DisclosureLevel level) {
		String trimmed = text.strip();
		String label = switch (level) {
			case AUTOMATED -> AUTOMATED_LABEL;
			case ASSISTED -> ASSISTED_LABEL;
			case NONE -> null;
		};
		if (label == null || trimmed.endsWith(label)) {
			return trimmed;
		}
		return trimmed + "\n\n" + label;
	}

	/** Characters the platform takes in one post (X counts code points here, as a safe simplification). */
	static int maxLength(Platform platform) {
		return switch (platform) {
			case TWITTER -> 280;
			case THREADS -> 500;
			case INSTAGRAM -> 2200;
		};
	}

	private static int strength(DisclosureLevel level) {
		return switch (level) {
			case NONE -> 0;
			case ASSISTED -> 1;
			case AUTOMATED -> 2;
		};
	}
}
