package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A topic's related terms (topic-lexicon.txt), as stem keys: "politics" expands to "polit", "elect",
 * "vote", "senat", "parliament", ... so that a forbidden topic is found whichever word the post uses.
 */
public final class TopicLexicon {

	private static final List<Set<String>> GROUPS = load();

	private TopicLexicon() {
	}

	private static List<Set<String>> load() {
		List<Set<String>> groups = new ArrayList<>();
		for (String line : Resources.lines("topic-lexicon.txt")) {
			int colon = line.indexOf(':');
			Set<String> keys = new LinkedHashSet<>();
			keys.add(Stems.key(line.substring(0, colon)));
			for (String term : line.substring(colon + 1).split(",")) {
				String key = Stems.key(term.strip());
				if (!key.isEmpty()) {
					keys.add(key);
				}
			}
			groups.add(Set.copyOf(keys));
		}
		return List.copyOf(groups);
	}

	/**
	 * The stem keys a topic is recognised by: the whole topic, each of its content words of four letters or
	 * more, and every term of a lexicon line that shares one of those words.
	 */
	public static Set<String> expand(String topic) {
		Set<String> keys = new LinkedHashSet<>();
		String whole = Stems.key(topic);
		if (!whole.isEmpty()) {
			keys.add(whole);
		}
		Set<String> words = new LinkedHashSet<>();
		for (Stems.Stem stem : Stems.of(topic)) {
			if (stem.stem().length() >= 4) {
				words.add(stem.stem());
			}
		}
		keys.addAll(words);
		for (Set<String> group : GROUPS) {
			if (group.contains(whole) || group.stream().anyMatch(words::contains)) {
				keys.addAll(group);
			}
		}
		return keys;
	}
}
