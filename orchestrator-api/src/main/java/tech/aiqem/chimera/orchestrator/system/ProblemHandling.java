package tech.aiqem.chimera.orchestrator.system;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tech.aiqem.chimera.model.ChimeraException;

/**
 * Every refusal as an RFC 9457 problem detail with a {@code code} member: a Chimera error code
 * (E1001..E2002) where one applies, otherwise {@code validation_failed}, {@code malformed_request},
 * {@code not_found} or {@code conflict}; invalid fields are listed in {@code errors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	static final String TYPE_BASE = "https://chimera.aiqem.tech/problems/";

	@ExceptionHandler(ApiException.class)
	ProblemDetail api(ApiException ex) {
		return problem(ex.status(), ex.code(), ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(ChimeraException.class)
	ProblemDetail chimera(ChimeraException ex) {
		HttpStatus status = switch (ex.code()) {
			case E1001, E1004, E1005 -> HttpStatus.CONFLICT;
			case E1003, E1006 -> HttpStatus.UNPROCESSABLE_CONTENT;
			case E1002, E2002 -> HttpStatus.SERVICE_UNAVAILABLE;
			case E2001 -> HttpStatus.GATEWAY_TIMEOUT;
		};
		ProblemDetail problem = problem(status, ex.code().name(), ex.detail(), List.of());
		problem.setTitle(ex.code().description());
		problem.setProperty("action", ex.code().action());
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<ApiException.FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new ApiException.FieldProblem(snake(error), error.getDefaultMessage()))
			.toList();
		String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
			.orElse("the request is invalid");
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", detail, errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : "the body is not valid JSON for this request";
		return problem(HttpStatus.BAD_REQUEST, "malformed_request", reason, List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "malformed_request",
				ex.getName() + " '" + ex.getValue() + "' is not valid" + (ex.getRequiredType() != null
						&& ex.getRequiredType().getSimpleName().equals("UUID") ? ": expected a UUID" : ""),
				List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not_found", "no such resource: /" + ex.getResourcePath(), List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", ex.getMessage(), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "malformed_request", "send application/json", List.of());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "an unexpected error occurred", List.of());
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail, List<ApiException.FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	private static String snake(FieldError error) {
		return error.getField().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}
}
