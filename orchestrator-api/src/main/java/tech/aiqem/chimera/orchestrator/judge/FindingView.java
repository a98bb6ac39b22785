package tech.aiqem.chimera.orchestrator.judge;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import tech.aiqem.chimera.judge.core.Finding;

/**
 * A judge finding as the API shows it, the shape of judge-core's {@code FindingsWire}: severity in lower
 * case, span null when the finding points at no text, error_code only when the finding carries one.
 */
public record FindingView(String code, @Schema(allowableValues = { "reject", "escalate", "penalty", "note" }) String severity,
		String detail, Span span, @JsonInclude(JsonInclude.Include.NON_NULL) String errorCode) {

	static FindingView of(Finding finding) {
		Finding.Span span = finding.span();
		return new FindingView(finding.code(), finding.severity().name().toLowerCase(Locale.ROOT), finding.detail(),
				span == null ? null : new Span(span.start(), span.end(), span.text()),
				finding.errorCode() == null ? null : finding.errorCode().name());
	}

	public record Span(int start, int end, String text) {
	}
}
