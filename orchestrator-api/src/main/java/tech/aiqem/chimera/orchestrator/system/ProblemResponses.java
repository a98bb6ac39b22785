package tech.aiqem.chimera.orchestrator.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Writes a refusal from a servlet filter (authentication, CSRF, size and rate limits) through the same
 * {@link ProblemHandling} advice the controllers use, so every problem detail looks alike.
 */
@Component
public class ProblemResponses {

	private final HandlerExceptionResolver resolver;

	ProblemResponses(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		this.resolver = resolver;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ApiException problem) {
		if (this.resolver.resolveException(request, response, null, problem) == null) {
			throw new IllegalStateException("no exception resolver rendered " + problem.code());
		}
	}
}
