package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules can match a text at all, found in one pass: most rules start with a word or one of a few
 * words ("\b(ignore|disregard|forget)\s+..."), and a match must contain one of them as written. Those
 * leading literals are read from each rule's own pattern (the branches of its top-level alternation, and
 * the alternatives of a leading group); a rule whose pattern does not start that way always runs. A text
 * that contains none of a rule's words skips its regular expression, which would have scanned the whole text
 * for nothing: on long texts the rules were most of a scan's time.
 */
final class RuleKeywords {

	static final RuleKeywords RULES = new RuleKeywords(InjectionRules.RULES.stream().map(r -> r.pattern().pattern()).toList());

	/** Per rule, its leading words, or null when it has none and always runs. */
	private final List<Set<String>> keywords;

	/** Keyword -> the rules it belongs to, by first character (ASCII in an array, the rest in a map). */
	private final List<List<Entry>> ascii = new ArrayList<>();

	private final Map<Character, List<Entry>> other = new HashMap<>();

	private record Entry(String word, int[] rules) {
	}

	RuleKeywords(List<String> patterns) {
		this.keywords = patterns.stream().map(RuleKeywords::keywords).toList();
		Map<String, List<Integer>> rulesOf = new HashMap<>();
		for (int rule = 0; rule < this.keywords.size(); rule++) {
			if (this.keywords.get(rule) != null) {
				for (String word : this.keywords.get(rule)) {
					rulesOf.computeIfAbsent(word, w -> new ArrayList<>()).add(rule);
				}
			}
		}
		for (int c = 0; c < 128; c++) {
			this.ascii.add(new ArrayList<>());
		}
		rulesOf.forEach((word, rules) -> {
			Entry entry = new Entry(word, rules.stream().mapToInt(Integer::intValue).toArray());
			char first = word.charAt(0);
			(first < 128 ? this.ascii.get(first) : this.other.computeIfAbsent(first, c -> new ArrayList<>())).add(entry);
		});
	}

	/** The leading words of the rule at this index, or null when it always runs. */
	Set<String> of(int rule) {
		return this.keywords.get(rule);
	}

	/** Per rule, whether its regular expression can match {@code text} (true for every rule without words). */
	boolean[] candidates(String text) {
		boolean[] candidate = new boolean[this.keywords.size()];
		for (int rule = 0; rule < candidate.length; rule++) {
			candidate[rule] = this.keywords.get(rule) == null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			List<Entry> entries = c < 128 ? this.ascii.get(c) : this.other.get(c);
			if (entries == null) {
				continue;
			}
			for (Entry entry : entries) {
				if (text.startsWith(entry.word(), i)) {
					for (int rule : entry.rules()) {
						candidate[rule] = true;
					}
				}
			}
		}
		return candidate;
	}

	/** The literal words a match of {@code pattern} must start with (after any \b), or null if they cannot be told. */
	static Set<String> keywords(String pattern) {
		Set<String> words = new LinkedHashSet<>();
		for (String branch : alternatives(pattern)) {
			Set<String> of = branch(branch);
			if (of == null) {
				return null;
			}
			words.addAll(of);
		}
		return words;
	}

	private static Set<String> branch(String branch) {
		String b = branch;
		while (b.startsWith("\\b")) {
			b = b.substring(2);
		}
		if (!b.startsWith("(")) {
			String literal = literal(b);
			return literal.isEmpty() ? null : Set.of(literal);
		}
		int close = closing(b);
		String inner = b.substring(1, close);
		if (inner.startsWith("?:")) {
			inner = inner.substring(2);
		}
		else if (inner.startsWith("?")) {
			return null; // a lookaround or inline flag
		}
		if (close + 1 < b.length() && "?*{".indexOf(b.charAt(close + 1)) >= 0) {
			return null; // the group may be absent
		}
		Set<String> words = new LinkedHashSet<>();
		for (String alternative : alternatives(inner)) {
			Set<String> of = branch(alternative);
			if (of == null) {
				return null;
			}
			words.addAll(of);
		}
		return words;
	}

	/** The literal characters a string starts with, up to the first that is not certain to be there. */
	static String literal(String s) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			int next;
			if (c == '\\') {
				if (i + 1 >= s.length() || Character.isLetterOrDigit(s.charAt(i + 1))) {
					break; // \b, \s, \w, \d, \x{...}: not a literal
				}
				out.append(s.charAt(i + 1));
				next = i + 2;
			}
			else if ("()[]{}.|^$?*+".indexOf(c) >= 0) {
				break;
			}
			else {
				out.append(c);
				next = i + 1;
			}
			if (next < s.length() && "?*{".indexOf(s.charAt(next)) >= 0) {
				out.setLength(out.length() - 1); // optional: not certain
				break;
			}
			i = next;
		}
		return out.toString();
	}

	/** The top-level alternatives of a pattern (split at '|' outside groups and character classes). */
	static List<String> alternatives(String pattern) {
		List<String> out = new ArrayList<>();
		int start = 0;
		for (int bar = next(pattern, 0, '|'); bar >= 0; bar = next(pattern, start, '|')) {
			out.add(pattern.substring(start, bar));
			start = bar + 1;
		}
		out.add(pattern.substring(start));
		return out;
	}

	/** The index of the ')' that closes the '(' at 0. */
	private static int closing(String s) {
		int close = next(s, 0, ')');
		if (close < 0) {
			throw new IllegalArgumentException("unbalanced group in " + s);
		}
		return close;
	}

	/**
	 * From {@code from}, the first {@code stop} ('|' or ')') that stands outside escapes, character classes
	 * and groups opened after {@code from}, or -1.
	 */
	private static int next(String s, int from, char stop) {
		int depth = 0;
		boolean inClass = false;
		for (int i = from; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (inClass) {
				inClass = c != ']';
			}
			else if (c == '[') {
				inClass = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0 && stop == ')') {
				return i;
			}
			else if (c == '|' && depth == 0 && stop == '|') {
				return i;
			}
		}
		return -1;
	}
}
