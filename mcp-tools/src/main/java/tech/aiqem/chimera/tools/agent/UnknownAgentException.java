package tech.aiqem.chimera.tools.agent;

/** The agent named in a request does not exist, or cannot act (deleted, unreadable persona). */
public class UnknownAgentException extends RuntimeException {

	UnknownAgentException(String message) {
		super(message);
	}
}
