package tech.aiqem.chimera.orchestrator.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tech.aiqem.chimera.safety.InjectionDetector;
import tech.aiqem.chimera.safety.InjectionScan;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

/** Lets operators and reviewers check text (a mention, a brief) for prompt injection (E1003) before using it. */
@RestController
class SafetyController {

	@PostMapping("/v1/safety/scan")
	Map<String, Object> scan(CurrentTenant tenant, @Valid @RequestBody ScanRequest request) {
		List<Map<String, Object>> results = request.texts().stream().map(text -> {
			InjectionScan verdict = InjectionDetector.shared().scan(text);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("verdict", verdict.injection() ? "injection" : "clean");
			result.put("score", verdict.score());
			result.put("reasons", verdict.reasons());
			return result;
		}).toList();
		return Map.of("results", results);
	}

	/** Up to 100 texts of up to 10 000 characters each; results come back in the same order. */
	record ScanRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Size(max = 10_000) String> texts) {
	}
}
