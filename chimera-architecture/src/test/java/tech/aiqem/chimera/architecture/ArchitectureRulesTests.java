package tech.aiqem.chimera.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules over the main code of every module: the task ledger is the only writer of task state, and no
 * deployable uses another's code (they talk through queues, tables and MCP).
 */
class ArchitectureRulesTests {

	/**
	 * Statements that change a task's state or its history: only the ledger may hold them. No word boundary
	 * in front: in a class file a string starts right after its length bytes, which may read as a letter.
	 */
	static final Pattern LIFECYCLE_SQL = Pattern.compile(
			"(?i)UPDATE\\s+tasks\\b|INSERT\\s+INTO\\s+(task_events|publications|incidents|tasks)\\b");

	private static JavaClasses main;

	@BeforeAll
	static void importMainCode() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(location -> !location.contains("/chimera-architecture/"))
			.importPackages("tech.aiqem.chimera");
	}

	@Test
	void everyModuleIsImported() {
		for (String module : new String[] { "ledger", "orchestrator", "planner", "worker", "judge", "tools", "infra" }) {
			assertThat(main.stream().anyMatch(type -> type.getPackageName().startsWith("tech.aiqem.chimera." + module)))
				.as("classes of %s imported", module)
				.isTrue();
		}
	}

	@Test
	void onlyTheLedgerWritesTaskState() {
		ArchRule rule = classes().that()
			.resideOutsideOfPackage("tech.aiqem.chimera.ledger..")
			.should(notHoldLifecycleSql())
			.because("task transitions, task events, the outbox and incidents are written by the task ledger only");
		rule.check(main);
	}

	@Test
	void theLedgersSqlIsReallyFoundWhereItIs() {
		// the condition reads compiled constants: it must see the ledger's own statements, or it proves nothing
		JavaClass sql = main.get("tech.aiqem.chimera.ledger.LedgerSql");
		assertThat(lifecycleSql(sql)).contains("UPDATE tasks", "INSERT INTO task_events", "INSERT INTO publications",
				"INSERT INTO incidents");
	}

	@Test
	void theLedgersJdbcAdapterIsNotPublic() {
		classes().that()
			.resideInAPackage("tech.aiqem.chimera.ledger")
			.and()
			.haveSimpleNameStartingWith("Jdbc")
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.check(main);
	}

	@Test
	void deployablesDoNotUseEachOther() {
		DescribedPredicate<JavaClass> sharedJudgeCore = DescribedPredicate.describe("judge-core",
				type -> type.getPackageName().startsWith("tech.aiqem.chimera.judge.core"));
		slices().matching("tech.aiqem.chimera.(orchestrator|planner|worker|judge|tools|local)..")
			.namingSlices("$1")
			.should()
			.notDependOnEachOther()
			.ignoreDependency(DescribedPredicate.alwaysTrue(), sharedJudgeCore)
			.check(main);
	}

	private static ArchCondition<JavaClass> notHoldLifecycleSql() {
		return new ArchCondition<>("not hold SQL that writes tasks, task_events, publications or incidents") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String found = lifecycleSql(type);
				if (!found.isEmpty()) {
					events.add(SimpleConditionEvent.violated(type, type.getName() + " holds `" + found + "`"));
				}
			}
		};
	}

	/** The lifecycle statements among a class's string constants (read from its class file), joined. */
	static String lifecycleSql(JavaClass type) {
		if (type.getSource().isEmpty()) {
			return "";
		}
		try (InputStream in = type.getSource().get().getUri().toURL().openStream()) {
			// ASCII SQL is stored as itself in the constant pool's modified UTF-8
			Matcher matcher = LIFECYCLE_SQL.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
			StringBuilder found = new StringBuilder();
			while (matcher.find()) {
				found.append(found.isEmpty() ? "" : ", ").append(matcher.group().replaceAll("\\s+", " "));
			}
			return found.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
