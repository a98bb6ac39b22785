package tech.aiqem.chimera.orchestrator.safety;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.ProblemResponses;

/**
 * Refuses a request body larger than the limit with 413 before anything reads it: by its
 * Content-Length when it has one, otherwise (chunked) by reading at most one byte past the limit.
 */
final class BodySizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	BodySizeLimit(long maxBytes, ProblemResponses problems) {
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(request, response, "the request body is " + declared + " bytes");
			return;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
			if (body.length > this.maxBytes) {
				refuse(request, response, "the request body is larger than that");
				return;
			}
			chain.doFilter(new BufferedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String what) {
		// Tomcat would otherwise try to read (swallow) the rest of a body nobody wants.
		response.setHeader("Connection", "close");
		this.problems.write(request, response, new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
				what + "; the limit is " + this.maxBytes + " bytes", null));
	}

	/** The body read already, served again to whoever reads the request next. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already buffered");
				}
			};
		}
	}
}
