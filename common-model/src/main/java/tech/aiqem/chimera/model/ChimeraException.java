package tech.aiqem.chimera.model;

import java.util.Objects;

/** The one exception that crosses a boundary carrying a Chimera error code (docs/architecture.md §11). */
public class ChimeraException extends RuntimeException {

	private final ErrorCode code;

	public ChimeraException(ErrorCode code, String message) {
		this(code, message, null);
	}

	public ChimeraException(ErrorCode code, String message, Throwable cause) {
		super(code.name() + ": " + message, cause);
		this.code = Objects.requireNonNull(code, "code");
	}

	public ErrorCode code() {
		return this.code;
	}

	/** The message without the code prefix, for problem details. */
	public String detail() {
		String message = getMessage();
		return message.substring(this.code.name().length() + 2);
	}

	public static ChimeraException budgetExceeded(String detail) {
		return new ChimeraException(ErrorCode.E1001, detail);
	}

	public static ChimeraException toolsUnavailable(String detail, Throwable cause) {
		return new ChimeraException(ErrorCode.E1002, detail, cause);
	}

	public static ChimeraException promptInjection(String detail) {
		return new ChimeraException(ErrorCode.E1003, detail);
	}

	public static ChimeraException stateConflict(String detail) {
		return new ChimeraException(ErrorCode.E1004, detail);
	}

	public static ChimeraException insufficientFunds(String detail) {
		return new ChimeraException(ErrorCode.E1005, detail);
	}

	public static ChimeraException unsafeContent(String detail) {
		return new ChimeraException(ErrorCode.E1006, detail);
	}

	public static ChimeraException workerTimeout(String detail) {
		return new ChimeraException(ErrorCode.E2001, detail);
	}

	public static ChimeraException databaseUnavailable(String detail, Throwable cause) {
		return new ChimeraException(ErrorCode.E2002, detail, cause);
	}
}
