package tech.aiqem.chimera.safety;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the usual disguises before the rules look: compatibility forms (fullwidth, mathematical and
 * circled letters), invisible format characters (zero-width spaces, joiners, bidi marks), look-alike
 * Cyrillic and Greek letters, accents, letters spaced or dotted apart, leetspeak, Unicode tag
 * characters that hide text, and base64, hex or rot13 payloads the text asks to decode.
 */
final class Normaliser {

	private static final Map<Character, Character> CONFUSABLES = confusables();

	private static final Pattern SPACED_LETTERS = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ ._\\-*·]\\p{L}){2,}(?![\\p{L}\\p{N}])");

	private static final Pattern SPACED_SEPARATOR = Pattern.compile("[ ._\\-*·]");

	private static final Pattern FLAG_TAGS = Pattern.compile("\\x{1F3F4}[\\x{E0020}-\\x{E007E}]+\\x{E007F}");

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

	private static final Pattern HEX = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){8,}\\b");

	private static final Pattern ROT13_MARK = Pattern.compile("(?i)rot-?13\\W*(?:instructions?|text|message)?\\W*(.+)");

	private Normaliser() {
	}

	/** The text as a reader sees it: compatibility-folded, format characters gone, lower case, spaces collapsed. */
	static String base(String text) {
		return spaced(text).replaceAll("\\s+", " ").strip();
	}

	/** Like {@link #base} but keeping runs of spaces, which separate words when letters are spaced apart. */
	private static String spaced(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\p{Cf}", "").toLowerCase(Locale.ROOT);
	}

	/** The form the learned heads read: {@link #latin}, with letters spaced apart joined again. */
	static String reading(String text) {
		return latin(text);
	}

	/** The forms the rules run over; a rule fires when it matches any of them. */
	static Set<String> variants(String text) {
		String base = base(text);
		String latin = latin(text);
		Set<String> variants = new LinkedHashSet<>();
		variants.add(base);
		variants.add(latin);
		variants.add(leet(latin, 'i'));
		variants.add(leet(latin, 'l'));
		variants.add(leet(latin, '*'));
		return variants;
	}

	/** Text hidden in Unicode tag characters (invisible when rendered), minus emoji flag sequences. */
	static String hiddenText(String text) {
		String withoutFlags = FLAG_TAGS.matcher(text).replaceAll("");
		StringBuilder hidden = new StringBuilder();
		withoutFlags.codePoints().filter(cp -> cp >= 0xE0020 && cp <= 0xE007E).forEach(cp -> hidden.append((char) (cp - 0xE0000)));
		return hidden.toString();
	}

	/** Payloads the text carries in base64, hex or rot13 that decode to readable text. */
	static List<String> decodedPayloads(String text) {
		List<String> payloads = new ArrayList<>();
		Matcher base64 = BASE64.matcher(text);
		while (base64.find()) {
			try {
				readable(Base64.getDecoder().decode(base64.group()), payloads);
			}
			catch (IllegalArgumentException ex) {
				// not base64 after all
			}
		}
		Matcher hex = HEX.matcher(text);
		while (hex.find()) {
			readable(HexFormat.of().parseHex(hex.group()), payloads);
		}
		Matcher rot13 = ROT13_MARK.matcher(text);
		if (rot13.find()) {
			payloads.add(rot13(rot13.group(1)));
		}
		return payloads;
	}

	private static void readable(byte[] bytes, List<String> payloads) {
		String decoded = new String(bytes, StandardCharsets.UTF_8);
		long printable = decoded.chars().filter(c -> c >= 0x20 && c < 0x7f).count();
		if (decoded.length() >= 8 && printable >= decoded.length() * 0.9 && decoded.contains(" ")) {
			payloads.add(decoded);
		}
	}

	private static String rot13(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c >= 'a' && c <= 'z') {
				out.append((char) ('a' + (c - 'a' + 13) % 26));
			}
			else if (c >= 'A' && c <= 'Z') {
				out.append((char) ('A' + (c - 'A' + 13) % 26));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Look-alikes, accents and spaced-apart letters undone: the form English rules and the similarity read. */
	static String latin(String text) {
		return squash(stripMarks(confusablesToLatin(spaced(text)))).strip();
	}

	static String confusablesToLatin(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(CONFUSABLES.getOrDefault(c, c));
		}
		return out.toString();
	}

	private static String stripMarks(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	/** "i g n o r e", "i.g.n.o.r.e" and "ig-nore" become "ignore". */
	static String squash(String text) {
		Matcher spaced = SPACED_LETTERS.matcher(text);
		StringBuilder out = new StringBuilder();
		while (spaced.find()) {
			spaced.appendReplacement(out, Matcher.quoteReplacement(SPACED_SEPARATOR.matcher(spaced.group()).replaceAll("")));
		}
		spaced.appendTail(out);
		return out.toString().replaceAll("(?<=\\p{L})-(?=\\p{L})", "").replaceAll("\\s+", " ");
	}

	/**
	 * Leetspeak read back; {@code one} is what '1' stands for: 'i', 'l', or '*' for 'i' at the start of a
	 * word and 'l' inside one ("1gn0r3 ru13s"). Digits inside numbers stay.
	 */
	static String leet(String text, char one) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean inWord = (i > 0 && Character.isLetter(text.charAt(i - 1)))
					|| (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
			if (!inWord) {
				out.append(c);
				continue;
			}
			out.append(switch (c) {
				case '0' -> 'o';
				case '1' -> one != '*' ? one : (i == 0 || !Character.isLetter(text.charAt(i - 1)) ? 'i' : 'l');
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return out.toString();
	}

	private static Map<Character, Character> confusables() {
		String from = "аеорсухіјѕһԁԛԝӏвкмнтαονρτιυεκ";
		String to = "aeopcyxijshdqwlbkmhtaovptiuek";
		Map<Character, Character> map = new java.util.HashMap<>();
		for (int i = 0; i < from.length(); i++) {
			map.put(from.charAt(i), to.charAt(i));
		}
		return Map.copyOf(map);
	}
}
