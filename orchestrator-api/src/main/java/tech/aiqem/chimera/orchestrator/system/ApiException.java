package tech.aiqem.chimera.orchestrator.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the HTTP status, a problem code and what was wrong. */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldProblem> errors;

	public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.code = code;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
	}

	public static ApiException notFound(String what, Object id) {
		return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " " + id + " does not exist", null);
	}

	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", field + ": " + message,
				List.of(new FieldProblem(field, message)));
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, "conflict", detail, null);
	}

	/** No credential, or one that is wrong, expired or revoked. */
	public static ApiException unauthorized(String detail) {
		return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", detail, null);
	}

	/** A valid credential whose role does not allow the action. */
	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail, null);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/** One invalid field: its JSON name and why. */
	public record FieldProblem(String field, String message) {
	}
}
