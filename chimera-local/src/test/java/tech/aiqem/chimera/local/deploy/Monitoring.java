package tech.aiqem.chimera.local.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import tech.aiqem.chimera.model.ChimeraJson;

import tools.jackson.databind.JsonNode;

/** The Grafana dashboard and the Prometheus alert rules under {@code deploy/}, and the metrics they read. */
public final class Monitoring {

	public static final Path DASHBOARD = Repository.root().resolve("deploy/grafana/chimera-dashboard.json");

	public static final Path ALERTS = Repository.root().resolve("deploy/prometheus/alerts.yml");

	private static final Set<String> PROMQL_WORDS = Set.of("sum", "avg", "min", "max", "count", "by", "without", "rate",
			"irate", "increase", "deriv", "histogram_quantile", "and", "or", "unless", "on", "ignoring", "group_left",
			"group_right", "offset", "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "time", "vector", "scalar");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private Monitoring() {
	}

	/** Every PromQL expression of the dashboard's panels. */
	public static List<String> dashboardExpressions() {
		JsonNode dashboard = ChimeraJson.tree(Repository.read(DASHBOARD));
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
		}
		return expressions;
	}

	/** Every alert rule: its name, expression and labels. */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> alertRules() {
		Map<String, Object> file = new Yaml().load(Repository.read(ALERTS));
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			rules.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		return rules;
	}

	/** The metric names a PromQL expression reads (functions, label matchers and grouping left out). */
	public static Set<String> metricNames(String promql) {
		String bare = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(bare);
		while (identifier.find()) {
			String word = identifier.group();
			int end = identifier.end();
			boolean calledAsFunction = end < bare.length() && bare.substring(end).stripLeading().startsWith("(")
					&& PROMQL_WORDS.contains(word);
			if (!PROMQL_WORDS.contains(word) && !calledAsFunction && word.contains("_")) {
				names.add(word);
			}
		}
		return names;
	}

	/** What the dashboard and the alert rules read, by metric name. */
	public static Set<String> metricsRead() {
		Set<String> names = new TreeSet<>();
		dashboardExpressions().forEach(expr -> names.addAll(metricNames(expr)));
		alertRules().forEach(rule -> names.addAll(metricNames((String) rule.get("expr"))));
		return names;
	}
}
