package tech.aiqem.chimera.judge.core.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Well-known brand names (brands.txt), looked up by their squashed form ("H&M" → "hm", "Coca-Cola" → "cocacola"). */
public final class BrandGazetteer {

	/** A brand as the list writes it, and whether it is also an ordinary word that needs a capital to count. */
	public record Brand(String name, boolean ambiguous) {
	}

	private static final Map<String, Brand> BRANDS = load();

	static final int LONGEST = 4;

	private BrandGazetteer() {
	}

	private static Map<String, Brand> load() {
		Map<String, Brand> brands = new HashMap<>();
		for (String line : Resources.lines("brands.txt")) {
			boolean ambiguous = line.startsWith("~");
			String name = ambiguous ? line.substring(1) : line;
			brands.put(squash(name), new Brand(name, ambiguous));
		}
		return Map.copyOf(brands);
	}

	public static Brand find(String words) {
		return BRANDS.get(squash(words));
	}

	public static int size() {
		return BRANDS.size();
	}

	/** Lower case letters and digits only: how names are compared, tolerant of case, spaces, punctuation and a leading @ or #. */
	public static String squash(String value) {
		return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	/** Whether a name is on an approved list, compared squashed (also with a trailing "official"/"hq" dropped from handles). */
	public static boolean approved(String name, List<String> approved) {
		String squashed = squash(name);
		String bare = squashed.replaceAll("(official|hq|app|inc)$", "");
		return approved.stream().map(BrandGazetteer::squash).anyMatch(a -> !a.isEmpty() && (a.equals(squashed) || a.equals(bare)));
	}
}
