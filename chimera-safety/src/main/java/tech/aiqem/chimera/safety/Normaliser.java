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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.SpoofChecker;

/**
 * Undoes the usual disguises before the rules and the learned heads look: compatibility forms (NFKC:
 * fullwidth, mathematical, circled and superscript letters), invisible and filler characters (zero-width
 * spaces and joiners, bidi marks, variation selectors, the Hangul and Braille fillers that render as
 * blanks), look-alike letters from any script (the Unicode TR39 confusables skeleton of ICU4J's
 * {@link SpoofChecker}, applied to non-ASCII characters only, so ASCII text never changes), small
 * capitals, accents, letters spaced or dotted apart, leetspeak, Unicode tag characters that hide text,
 * and base64, hex or rot13 payloads, decoded.
 */
final class Normaliser {

	private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

	/** Per code point: its ASCII look-alike, or itself. Filled lazily; the mapping never changes. */
	private static final Map<Integer, String> SKELETONS = new ConcurrentHashMap<>();

	/** Small capitals and other Latin look-alikes TR39 leaves alone (they are letters of their own there). */
	private static final Map<Integer, String> SMALL_CAPITALS = smallCapitals();

	/**
	 * Characters that render as nothing or as a blank and are not whitespace: format characters (Cf, e.g.
	 * zero-width space U+200B, soft hyphen, bidi controls), variation selectors, the combining grapheme
	 * joiner, and the fillers (Hangul U+3164, U+115F, U+1160, U+FFA0, Braille blank U+2800, Mongolian U+180E).
	 */
	private static final Pattern INVISIBLE = Pattern.compile(
			"[\\p{Cf}\\x{034F}\\x{FE00}-\\x{FE0F}\\x{E0100}-\\x{E01EF}\\x{3164}\\x{115F}\\x{1160}\\x{FFA0}\\x{2800}\\x{180E}\\x{17B4}\\x{17B5}]");

	private static final Pattern ODD_SPACES = Pattern.compile("[\\p{Zs}\\x{2028}\\x{2029}\\x{0085}]");

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
		return collapse(spaced(text));
	}

	private static String collapse(String spaced) {
		return spaced.replaceAll("\\s+", " ").strip();
	}

	/**
	 * Like {@link #base} but keeping runs of spaces, which separate words when letters are spaced apart. ASCII
	 * text only needs lower case: NFKC leaves it as it is, and it has no format characters or odd spaces.
	 */
	private static String spaced(String text) {
		if (ascii(text)) {
			return text.toLowerCase(Locale.ROOT);
		}
		String visible = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
		return ODD_SPACES.matcher(visible).replaceAll(" ").toLowerCase(Locale.ROOT);
	}

	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/** The form the learned heads read: {@link #latin}, with letters spaced apart joined again. */
	static String reading(String text) {
		return latin(text);
	}

	/** The forms the rules run over, all in lower case; a rule fires when it matches any of them. */
	static Set<String> variants(String text) {
		String spaced = spaced(text);
		return variants(collapse(spaced), latinOfSpaced(spaced));
	}

	/** {@link #variants(String)} of a text whose {@link #base} and {@link #latin} forms are already known. */
	static Set<String> variants(String base, String latin) {
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
			String candidate = base64.group();
			if (candidate.replace("=", "").length() % 4 == 1) {
				continue; // never base64; the decoder would throw, costly on every long word
			}
			try {
				readable(Base64.getDecoder().decode(candidate), payloads);
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
		else {
			// unmarked rot13: the rotated text reads as English where the text itself does not
			String rotated = rot13(text);
			int plain = englishWords(text);
			int decoded = englishWords(rotated);
			if (decoded >= 3 && decoded > 2 * plain) {
				payloads.add(rotated);
			}
		}
		return payloads;
	}

	private static final java.util.Set<String> ENGLISH = java.util.Set.of("the", "you", "your", "and", "to", "of", "all", "is",
			"are", "a", "now", "ignore", "instructions", "previous", "rules", "me", "send", "tell", "prompt", "system");

	private static int englishWords(String text) {
		int count = 0;
		for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
			if (ENGLISH.contains(word)) {
				count++;
			}
		}
		return count;
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
		return latinOfSpaced(spaced(text));
	}

	private static String latinOfSpaced(String spaced) {
		return squash(stripMarks(confusablesToLatin(spaced))).strip();
	}

	/**
	 * Each non-ASCII character that TR39 says looks like ASCII becomes that ASCII ("і" Cyrillic, "ο" Greek,
	 * "ꜱ", "ᏞᎬ"), small capitals become their letter; other characters (Amharic, Chinese, accented
	 * letters) stay as they are.
	 */
	static String confusablesToLatin(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			if (cp < 0x80) {
				out.appendCodePoint(cp);
			}
			else {
				out.append(SKELETONS.computeIfAbsent(cp, Normaliser::lookAlike));
			}
		});
		return out.toString();
	}

	private static String lookAlike(int cp) {
		String small = SMALL_CAPITALS.get(cp);
		if (small != null) {
			return small;
		}
		String original = new String(Character.toChars(cp));
		String skeleton = SPOOF.getSkeleton(original);
		boolean ascii = !skeleton.isEmpty() && skeleton.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c)));
		return ascii ? skeleton.toLowerCase(Locale.ROOT) : original;
	}

	private static String stripMarks(String text) {
		if (ascii(text)) {
			return text; // no marks to strip: NFD leaves ASCII as it is
		}
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

	private static Map<Integer, String> smallCapitals() {
		String small = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ";
		String latin = "abcdefghijklmnopqrstuvwyz";
		Map<Integer, String> map = new java.util.HashMap<>();
		int[] cps = small.codePoints().toArray();
		for (int i = 0; i < cps.length; i++) {
			map.put(cps[i], String.valueOf(latin.charAt(i)));
		}
		map.put(0x1D07, "e"); // ᴇ
		map.put(0x0280, "r"); // ʀ
		map.put(0x1D1B, "t"); // ᴛ
		map.put(0x1D0F, "o"); // ᴏ
		return Map.copyOf(map);
	}
}
