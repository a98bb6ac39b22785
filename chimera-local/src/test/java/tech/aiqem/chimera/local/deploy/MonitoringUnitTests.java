package tech.aiqem.chimera.local.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the alert rules: an alert for every target of docs/architecture.md §16, rules that promtool
 * accepts, a dashboard with the panels an operator needs, both loaded by the compose stack. That they read
 * only metrics the services export is checked against a live scrape (PrometheusMetricsIntegrationTests).
 */
class MonitoringUnitTests {

	@Test
	void everySpecTargetHasAnAlertRuleThatPromtoolAccepts() throws Exception {
		Set<String> targets = Monitoring.alertRules().stream()
			.map(rule -> (Map<?, ?>) rule.get("labels"))
			.filter(labels -> labels.containsKey("target"))
			.map(labels -> (String) labels.get("target"))
			.collect(Collectors.toSet());
		assertThat(targets).containsExactlyInAnyOrder("ingestion 1000 tasks/s", "routine p50 < 5 s", "routine p95 < 10 s",
				"complex p99 < 30 s", "database p95 < 50 ms", "Redis p99 < 5 ms", "memory per worker < 512 MB");
		Promtool.Result checked = Promtool.run("check", "rules", Monitoring.ALERTS.toString());
		assertThat(checked.exitCode()).as(checked.output()).isZero();
		assertThat(checked.output()).contains("SUCCESS");
	}

	@Test
	void promtoolRefusesABrokenRuleSoTheCheckAboveMeansSomething() throws Exception {
		java.nio.file.Path broken = java.nio.file.Files.createTempFile("alerts-", ".yml");
		java.nio.file.Files.writeString(broken, "groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(rate(x[5m]) >\n");
		assertThat(Promtool.run("check", "rules", broken.toString()).exitCode()).isNotZero();
	}

	@Test
	void theDashboardShowsWhatAnOperatorWatches() {
		Set<String> read = Monitoring.metricsRead();
		assertThat(read).contains("chimera_queue_depth", "chimera_hop_queue_wait_seconds_bucket", "chimera_hop_review_wait_seconds_bucket",
				"chimera_hop_judge_commit_seconds_bucket", "chimera_judge_outcomes_total", "chimera_spend_tenant_usd",
				"chimera_errors_total", "chimera_task_latency_seconds_bucket");
		for (String expression : Monitoring.dashboardExpressions()) {
			assertThat(Monitoring.metricNames(expression)).as(expression).isNotEmpty();
		}
		assertThat(Monitoring.metricNames("histogram_quantile(0.95, sum by (le, application) (rate(jdbc_query_seconds_bucket{a=\"b\"}[5m])))"))
			.containsExactly("jdbc_query_seconds_bucket");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theComposeStackLoadsTheRulesAndTheDashboard() {
		Map<String, Object> compose = new Yaml().load(Repository.read(Repository.root().resolve("docker-compose.yml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		String prometheusConfig = (String) ((Map<String, Object>) ((Map<String, Object>) compose.get("configs")).get("prometheus"))
			.get("content");
		assertThat(prometheusConfig).contains("rule_files:").contains("/etc/prometheus/alerts.yml");
		assertThat((List<String>) services.get("prometheus").get("volumes")).anyMatch(v -> v.startsWith("./deploy/prometheus/alerts.yml:"));
		assertThat((List<String>) services.get("grafana").get("volumes"))
			.anyMatch(v -> v.startsWith("./deploy/grafana/chimera-dashboard.json:"));
	}
}
