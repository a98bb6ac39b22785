package tech.aiqem.chimera.infra;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Shared infrastructure never reaches into a service: services depend on it, not the other way round. */
class ArchitectureUnitTests {

	@Test
	void commonInfraKnowsNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("tech.aiqem.chimera.orchestrator..", "tech.aiqem.chimera.planner..",
					"tech.aiqem.chimera.worker..", "tech.aiqem.chimera.judge..", "tech.aiqem.chimera.tools..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("tech.aiqem.chimera.infra"));
	}
}
