package tech.aiqem.chimera.orchestrator.safety;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

	@Operation(summary = "Scan texts for prompt injection (E1003)", description = "One result per text, in the same order.")
	@PostMapping("/v1/safety/scan")
	ScanResults scan(CurrentTenant tenant, @Valid @RequestBody ScanRequest request) {
		return new ScanResults(request.texts().stream().map(text -> {
			InjectionScan verdict = InjectionDetector.shared().scan(text);
			return new ScanResult(verdict.injection() ? "injection" : "clean", verdict.score(), verdict.reasons());
		}).toList());
	}

	record ScanResults(List<ScanResult> results) {
	}

	record ScanResult(@Schema(allowableValues = { "injection", "clean" }) String verdict, double score, List<String> reasons) {
	}

	/** Up to 100 texts of up to 10 000 characters each; results come back in the same order. */
	record ScanRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Size(max = 10_000) String> texts) {
	}
}
