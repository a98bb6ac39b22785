package tech.aiqem.chimera.model.persona;

/** A SOUL.md mistake: the line it is on (1-based, 0 for the whole file) and why. */
public class SoulFormatException extends IllegalArgumentException {

	private final int line;

	private final String reason;

	public SoulFormatException(int line, String reason) {
		super(line > 0 ? "SOUL.md line " + line + ": " + reason : "SOUL.md: " + reason);
		this.line = line;
		this.reason = reason;
	}

	public int line() {
		return this.line;
	}

	public String reason() {
		return this.reason;
	}
}
