package tech.aiqem.chimera.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a tool call did nothing, as data: the structured content of an MCP tool result marked {@code isError}
 * ({@code {"error": reason, "code": "E1005", "message": ..., "retry_at": ...}}). Callers switch on
 * {@link #reason()} and {@link #code()}, never on the message text.
 *
 * @param code the Chimera error code the failure maps to (budget E1001, store E2002, funds E1005), or null
 * @param retryAt for {@link Reason#RETRY_LATER}: when to call again with the same task id
 */
public record ToolFailure(Reason reason, ErrorCode code, String message, Instant retryAt) {

	public ToolFailure {
		if (reason == null || message == null) {
			throw new IllegalArgumentException("a tool failure needs a reason and a message");
		}
	}

	public static ToolFailure of(Reason reason, String message) {
		return new ToolFailure(reason, null, message, null);
	}

	/** A failure that carries a Chimera error code; its reason follows from the code. */
	public static ToolFailure of(ErrorCode code, String message) {
		Reason reason = switch (code) {
			case E1001 -> Reason.BUDGET_EXCEEDED;
			case E1005 -> Reason.INSUFFICIENT_FUNDS;
			case E1002, E2002 -> Reason.STORE_UNAVAILABLE;
			default -> Reason.REFUSED;
		};
		return new ToolFailure(reason, code, message, null);
	}

	/** The structured content of the tool result. */
	public Map<String, Object> toStructured() {
		Map<String, Object> structured = new LinkedHashMap<>();
		structured.put("error", this.reason.wire());
		if (this.code != null) {
			structured.put("code", this.code.name());
		}
		structured.put("message", this.message);
		if (this.retryAt != null) {
			structured.put("retry_at", this.retryAt.toString());
		}
		return structured;
	}

	/** Reads a tool result's structured content; an unknown reason reads as {@link Reason#UNKNOWN}. */
	public static ToolFailure fromStructured(Map<String, ?> structured, String fallbackMessage) {
		Object code = structured.get("code");
		Object retryAt = structured.get("retry_at");
		Object message = structured.get("message");
		return new ToolFailure(Reason.read(String.valueOf(structured.get("error"))),
				code == null ? null : ErrorCode.of(String.valueOf(code)),
				message == null ? fallbackMessage : String.valueOf(message),
				retryAt == null ? null : Instant.parse(String.valueOf(retryAt)));
	}

	/** True when the same call may succeed later without change: nothing was done, call again with the same task id. */
	public boolean transientFailure() {
		return this.reason == Reason.STORE_UNAVAILABLE || this.reason == Reason.INTERNAL
				|| this.reason == Reason.PLATFORM_UNAVAILABLE;
	}

	/** Why a tool did nothing. */
	public enum Reason implements WireEnum {

		INVALID_ARGUMENT, FORBIDDEN, UNKNOWN_AGENT, NO_ACCOUNT, DISCLOSURE_NOT_ALLOWED, DUPLICATE_CONTENT,
		NOT_APPROVED, RETRY_LATER, PAYMENT_REFUSED, BUDGET_EXCEEDED, INSUFFICIENT_FUNDS, IMAGE_FAILED,
		PLATFORM_AUTH, PLATFORM_REJECTED, PLATFORM_UNAVAILABLE, STORE_UNAVAILABLE, REFUSED, INTERNAL,
		/** The caller's side: the server could not be reached or answered outside the protocol. */
		PROTOCOL_ERROR, RESOURCE_ERROR, UNEXPECTED_CONTENT,
		/** A reason this build does not know (a newer server). */
		UNKNOWN;

		@Override
		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Reason read(String wire) {
			for (Reason reason : values()) {
				if (reason.wire().equals(wire)) {
					return reason;
				}
			}
			return UNKNOWN;
		}
	}
}
