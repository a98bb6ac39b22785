package tech.aiqem.chimera.orchestrator.system;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks Spring MVC's standard exceptions through the handler: each becomes a problem detail with its
 * HTTP status, a {@code type} under ours and a {@code code}; only the server's own faults are 500.
 */
class ProblemHandlingUnitTests {

	private final ProblemHandling handling = new ProblemHandling();

	private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/v1/agents"));

	@Test
	void everyStandardMvcExceptionIsAProblemWithACodeAndNotA500() throws Exception {
		MethodParameter parameter = new MethodParameter(ProblemHandlingUnitTests.class.getDeclaredMethod("sample", String.class), 0);
		Map<Exception, HttpStatus> expected = Map.ofEntries(
				Map.entry(new HttpRequestMethodNotSupportedException("PATCH", List.of("GET")), HttpStatus.METHOD_NOT_ALLOWED),
				Map.entry(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)),
						HttpStatus.UNSUPPORTED_MEDIA_TYPE),
				Map.entry(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)), HttpStatus.NOT_ACCEPTABLE),
				Map.entry(new MissingPathVariableException("agent_id", parameter, true), HttpStatus.BAD_REQUEST),
				Map.entry(new MissingServletRequestParameterException("limit", "int"), HttpStatus.BAD_REQUEST),
				Map.entry(new MissingServletRequestPartException("file"), HttpStatus.BAD_REQUEST),
				Map.entry(new ServletRequestBindingException("missing header"), HttpStatus.BAD_REQUEST),
				Map.entry(new MethodArgumentNotValidException(parameter, new BeanPropertyBindingResult(new Object(), "body")),
						HttpStatus.UNPROCESSABLE_CONTENT),
				Map.entry(new NoHandlerFoundException("GET", "/v1/nothing", new HttpHeaders()), HttpStatus.NOT_FOUND),
				Map.entry(new NoResourceFoundException(HttpMethod.GET, "/nothing", "nothing"), HttpStatus.NOT_FOUND),
				Map.entry(new AsyncRequestTimeoutException(), HttpStatus.SERVICE_UNAVAILABLE),
				Map.entry(new MaxUploadSizeExceededException(1024), HttpStatus.CONTENT_TOO_LARGE),
				Map.entry(new TypeMismatchException("abc", Integer.class), HttpStatus.BAD_REQUEST),
				Map.entry(new MethodArgumentTypeMismatchException("not-a-uuid", java.util.UUID.class, "agent_id", parameter, null),
						HttpStatus.BAD_REQUEST),
				Map.entry(new HttpMessageNotReadableException("bad json", new MockHttpInputMessage(new byte[0])), HttpStatus.BAD_REQUEST));
		Set<Integer> seen = new java.util.TreeSet<>();
		for (Map.Entry<Exception, HttpStatus> entry : expected.entrySet()) {
			ResponseEntity<Object> response = this.handling.handleException(entry.getKey(), this.request);
			String name = entry.getKey().getClass().getSimpleName();
			assertThat(response).as(name).isNotNull();
			assertThat(response.getStatusCode().value()).as(name).isEqualTo(entry.getValue().value());
			assertThat(response.getBody()).as(name).isInstanceOfSatisfying(ProblemDetail.class, problem -> {
				assertThat(problem.getStatus()).isEqualTo(entry.getValue().value());
				assertThat(problem.getProperties()).as(name).containsKey("code");
				assertThat(problem.getProperties().get("code")).as(name).isNotEqualTo("internal_error");
				assertThat(problem.getType().toString()).as(name).startsWith(ProblemHandling.TYPE_BASE);
			});
			seen.add(response.getStatusCode().value());
		}
		assertThat(seen).doesNotContain(500);
	}

	@Test
	void theServersOwnFaultsAre500WithACode() throws Exception {
		for (Exception ex : List.of(new ConversionNotSupportedException("x", Integer.class, null),
				new HttpMessageNotWritableException("cannot write"))) {
			ResponseEntity<Object> response = this.handling.handleException(ex, this.request);
			assertThat(response.getStatusCode().value()).isEqualTo(500);
			assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "internal_error");
		}
	}

	@Test
	void codesKeepTheirMeaningForTheCasesClientsAlreadyRelyOn() throws Exception {
		ResponseEntity<Object> notJson = this.handling.handleException(
				new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)), this.request);
		assertThat(((ProblemDetail) notJson.getBody()).getDetail()).isEqualTo("send application/json");
		ResponseEntity<Object> notUuid = this.handling.handleException(new MethodArgumentTypeMismatchException("x", java.util.UUID.class,
				"agent_id", new MethodParameter(ProblemHandlingUnitTests.class.getDeclaredMethod("sample", String.class), 0), null),
				this.request);
		assertThat(((ProblemDetail) notUuid.getBody()).getDetail()).isEqualTo("agent_id 'x' is not valid: expected a UUID");
		assertThat(((ProblemDetail) notUuid.getBody()).getProperties()).containsEntry("code", "malformed_request");
	}

	@SuppressWarnings("unused")
	private void sample(String value) {
	}
}
