package tech.aiqem.chimera.judge.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings as the API, the review queue and {@code hitl_reviews.findings} carry them:
 * {@code {code, severity, detail, span: {start, end, text} | null, error_code?}}, severity in lower case.
 */
public final class FindingsWire {

	private FindingsWire() {
	}

	public static List<Map<String, Object>> of(List<Finding> findings) {
		return findings.stream().map(FindingsWire::of).toList();
	}

	public static Map<String, Object> of(Finding finding) {
		Map<String, Object> wire = new LinkedHashMap<>();
		wire.put("code", finding.code());
		wire.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
		wire.put("detail", finding.detail());
		if (finding.span() == null) {
			wire.put("span", null);
		}
		else {
			Map<String, Object> span = new LinkedHashMap<>();
			span.put("start", finding.span().start());
			span.put("end", finding.span().end());
			span.put("text", finding.span().text());
			wire.put("span", span);
		}
		if (finding.errorCode() != null) {
			wire.put("error_code", finding.errorCode().name());
		}
		return wire;
	}
}
