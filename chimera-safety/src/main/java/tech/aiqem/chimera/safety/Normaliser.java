package tech.aiqem.chimera.safety;

import java.text.Normalizer;
import java.util.LinkedHashSet;
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
 * capitals, accents, letters spaced or dotted apart, leetspeak. Text hidden in tag characters or encoded
 * payloads is {@link Payloads}'.
 */
final class Normaliser {

	private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

	/** Per code point: its ASCII look-alike, or itself. Filled lazily; the mapping never changes. */
	private static final Map<Integer, String> SKELETONS = new ConcurrentHashMap<>();

	/** Small capitals and other Latin look-alikes TR39 leaves alone (they are letters of their own there). */
	private static final Map<Integer, String> SMALL_CAPITALS = smallCapitals();

	private static final Pattern SPACED_LETTERS = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ ._\\-*·]\\p{L}){2,}(?![\\p{L}\\p{N}])");

	private static final Pattern SPACED_SEPARATOR = Pattern.compile("[ ._\\-*·]");

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
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder visible = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length();) {
			int cp = folded.codePointAt(i);
			if (oddSpace(cp)) {
				visible.append(' ');
			}
			else if (!invisible(cp)) {
				visible.appendCodePoint(cp);
			}
			i += Character.charCount(cp);
		}
		return visible.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * Characters that render as nothing or as a blank and are not whitespace: format characters (Cf, e.g.
	 * zero-width space U+200B, soft hyphen, bidi controls), variation selectors, the combining grapheme
	 * joiner, and the fillers (Hangul U+3164, U+115F, U+1160, U+FFA0, Braille blank U+2800, Mongolian U+180E).
	 */
	static boolean invisible(int cp) {
		return Character.getType(cp) == Character.FORMAT || cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
				|| cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x180E || cp == 0x17B4 || cp == 0x17B5;
	}

	/** Spaces other than U+0020 (Zs, the line and paragraph separators, NEL): read as a space. */
	static boolean oddSpace(int cp) {
		return Character.getType(cp) == Character.SPACE_SEPARATOR || cp == 0x2028 || cp == 0x2029 || cp == 0x0085;
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
