package tech.aiqem.chimera.model;

/** A message that is not valid JSON or lacks what its contract requires; the reason says which. */
public class MessageFormatException extends RuntimeException {

	public MessageFormatException(String reason, Throwable cause) {
		super(reason, cause);
	}
}
