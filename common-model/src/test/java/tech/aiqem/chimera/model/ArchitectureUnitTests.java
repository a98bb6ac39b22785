package tech.aiqem.chimera.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What must never be: the shared contracts depending on a framework or on a service. */
class ArchitectureUnitTests {

	private final JavaClasses model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("tech.aiqem.chimera.model");

	@Test
	void commonModelIsPlainJava() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..", "io.lettuce..")
			.check(this.model);
	}

	@Test
	void commonModelKnowsNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("tech.aiqem.chimera.orchestrator..", "tech.aiqem.chimera.planner..",
					"tech.aiqem.chimera.worker..", "tech.aiqem.chimera.judge..", "tech.aiqem.chimera.tools..",
					"tech.aiqem.chimera.infra..")
			.check(this.model);
	}
}
