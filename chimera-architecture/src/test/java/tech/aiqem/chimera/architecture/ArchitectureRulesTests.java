package tech.aiqem.chimera.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules over the main code of every module: the task ledger is the only writer of task state, no deployable
 * uses another's code (they talk through queues, tables and MCP), the shared modules know no deployable, and
 * each service reaches only the shared modules it needs (no model, tool client or queue in the orchestrator,
 * no client of itself in the tools server, no fault knob anywhere).
 */
class ArchitectureRulesTests {

	/**
	 * Statements that change a task's state or its history: only the ledger may hold them. No word boundary
	 * in front: in a class file a string starts right after its length bytes, which may read as a letter.
	 */
	static final Pattern LIFECYCLE_SQL = Pattern.compile(
			"(?i)UPDATE\\s+tasks\\b|INSERT\\s+INTO\\s+(task_events|publications|incidents|tasks)\\b");

	/** The offline model's fault knob, as a record component, a property name or an environment variable. */
	static final Pattern FAULT_KNOB = Pattern.compile("slowShare|slow-share|SLOW_SHARE|slowLatency|slow-latency");

	private static JavaClasses main;

	@BeforeAll
	static void importMainCode() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(location -> !location.contains("/chimera-architecture/"))
			.importPackages("tech.aiqem.chimera");
	}

	@Test
	void everyModuleIsImported() {
		for (String module : new String[] { "ledger", "orchestrator", "planner", "worker", "judge", "tools", "infra", "queue",
				"gateway", "gateway.offline", "toolclient", "embedded" }) {
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

	@Test
	void theOrchestratorCallsNoModelNoToolAndNoQueue() {
		noClasses().that()
			.resideInAPackage("tech.aiqem.chimera.orchestrator..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("tech.aiqem.chimera.gateway..", "tech.aiqem.chimera.toolclient..", "tech.aiqem.chimera.queue..")
			.because("the orchestrator records decisions through the ledger; planner, worker and judge call models, "
					+ "tools and queues (its pom bans the modules too)")
			.check(main);
	}

	@Test
	void theToolsServerIsNoClientOfItself() {
		noClasses().that()
			.resideInAPackage("tech.aiqem.chimera.tools..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("tech.aiqem.chimera.toolclient..", "tech.aiqem.chimera.gateway..")
			.because("mcp-tools serves MCP; only its tests call it through the tools client")
			.check(main);
	}

	@Test
	void sharedModulesKnowNoDeployable() {
		noClasses().that()
			.resideInAnyPackage("tech.aiqem.chimera.infra..", "tech.aiqem.chimera.queue..", "tech.aiqem.chimera.gateway..",
					"tech.aiqem.chimera.toolclient..", "tech.aiqem.chimera.embedded..", "tech.aiqem.chimera.judge.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("tech.aiqem.chimera.orchestrator..", "tech.aiqem.chimera.planner..",
					"tech.aiqem.chimera.worker..", "tech.aiqem.chimera.judge", "tech.aiqem.chimera.judge.commit..",
					"tech.aiqem.chimera.judge.config..", "tech.aiqem.chimera.judge.intake..", "tech.aiqem.chimera.judge.publish..",
					"tech.aiqem.chimera.judge.review..", "tech.aiqem.chimera.tools..", "tech.aiqem.chimera.local..")
			.because("services depend on the shared modules, never the other way round")
			.check(main);
	}

	@Test
	void theModelGatewayAndCommonInfraStandAlone() {
		noClasses().that()
			.resideInAnyPackage("tech.aiqem.chimera.gateway..", "tech.aiqem.chimera.infra..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("tech.aiqem.chimera.queue..", "tech.aiqem.chimera.toolclient..")
			.check(main);
		noClasses().that()
			.resideInAnyPackage("tech.aiqem.chimera.infra..", "tech.aiqem.chimera.queue..", "tech.aiqem.chimera.toolclient..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("tech.aiqem.chimera.gateway..")
			.because("common-infra, the queues and the tools client are for every service; models only for those that call them")
			.check(main);
	}

	@Test
	void noServiceCarriesTheOfflineModelsFaultKnob() {
		// the slow-call knob (docs/faults.md) lives in offline-model's test jar, which only the fault suite hands to
		// the launcher; its setting names must appear in no main class
		classes().should(notHold(FAULT_KNOB, "the fault knob's settings"))
			.because("a service jar must not be able to hang its own model calls")
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

	private static ArchCondition<JavaClass> notHold(Pattern pattern, String what) {
		return new ArchCondition<>("not hold " + what) {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String found = constants(type, pattern);
				if (!found.isEmpty()) {
					events.add(SimpleConditionEvent.violated(type, type.getName() + " holds `" + found + "`"));
				}
			}
		};
	}

	/** The lifecycle statements among a class's string constants (read from its class file), joined. */
	static String lifecycleSql(JavaClass type) {
		return constants(type, LIFECYCLE_SQL);
	}

	/** What matches {@code pattern} among a class's names and string constants (read from its class file), joined. */
	static String constants(JavaClass type, Pattern pattern) {
		if (type.getSource().isEmpty()) {
			return "";
		}
		try (InputStream in = type.getSource().get().getUri().toURL().openStream()) {
			// ASCII SQL is stored as itself in the constant pool's modified UTF-8
			Matcher matcher = pattern.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
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

	/**
	 * A reader takes in a file at a time: no source file of main code (Java, the dashboard's scripts and
	 * styles, SQL) over 10 000 bytes.
	 */
	@Test
	void noMainSourceFileIsOverTenThousandBytes() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		assertThat(root.resolve("pom.xml")).as("the repository root").exists();
		try (Stream<Path> files = Files.walk(root)) {
			List<String> large = files
				.filter(file -> file.toString().contains("/src/main/") && !file.toString().contains("/node_modules/")
						&& !file.toString().contains("/target/"))
				.filter(file -> file.getFileName().toString().matches(".*\\.(java|js|css|html|sql)"))
				.filter(file -> size(file) > 10_000)
				.map(file -> root.relativize(file) + " (" + size(file) + " bytes)")
				.toList();
			assertThat(large).isEmpty();
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
