package tech.aiqem.chimera.orchestrator.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tech.aiqem.chimera.model.ChimeraException;

/**
 * Every refusal as an RFC 9457 problem detail with a {@code code} member: a Chimera error code
 * (E1001..E2002) where one applies, otherwise a code named after the HTTP status ({@code validation_failed},
 * {@code malformed_request}, {@code not_found}, {@code method_not_allowed}, {@code not_acceptable}, ...);
 * invalid fields are listed in {@code errors}. Spring MVC's own exceptions are all handled by
 * {@link ResponseEntityExceptionHandler}, so none of them becomes a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	static final String TYPE_BASE = "https://chimera.aiqem.tech/problems/";

	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "malformed_request"),
			Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
			Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"), Map.entry(409, "conflict"),
			Map.entry(413, "payload_too_large"), Map.entry(415, "unsupported_media_type"), Map.entry(422, "validation_failed"),
			Map.entry(429, "rate_limited"), Map.entry(500, "internal_error"), Map.entry(503, "unavailable"));

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

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "an unexpected error occurred", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<ApiException.FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new ApiException.FieldProblem(snake(error), error.getDefaultMessage()))
			.toList();
		String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
			.orElse("the request is invalid");
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", detail, errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : "the body is not valid JSON for this request";
		return respond(problem(HttpStatus.BAD_REQUEST, "malformed_request", reason, List.of()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		String name = ex.getPropertyName() != null ? ex.getPropertyName() : "a parameter";
		boolean uuid = ex.getRequiredType() != null && ex.getRequiredType().getSimpleName().equals("UUID");
		return respond(problem(HttpStatus.BAD_REQUEST, "malformed_request",
				name + " '" + ex.getValue() + "' is not valid" + (uuid ? ": expected a UUID" : ""), List.of()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return respond(problem(HttpStatus.NOT_FOUND, "not_found", "no such resource: /" + ex.getResourcePath(), List.of()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "malformed_request", "send application/json", List.of()), headers);
	}

	/** Every other MVC exception: Spring's problem detail, with our type and code added. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getProperties() != null && problem.getProperties().containsKey("code")) {
			return super.handleExceptionInternal(ex, body, headers, statusCode, request);
		}
		ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(statusCode);
		String code = CODES.getOrDefault(statusCode.value(), statusCode.is4xxClientError() ? "bad_request" : "internal_error");
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setProperty("code", code);
		if (problem.getDetail() == null) {
			problem.setDetail(ex.getMessage());
		}
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
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
