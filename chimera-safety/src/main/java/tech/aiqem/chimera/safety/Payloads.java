package tech.aiqem.chimera.safety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a text hides from a reader: in Unicode tag characters (invisible when rendered), or as a base64, hex or
 * rot13 payload that decodes to readable text. The rules and the learned head read what is found as well.
 */
final class Payloads {

	private static final Pattern FLAG_TAGS = Pattern.compile("\\x{1F3F4}[\\x{E0020}-\\x{E007E}]+\\x{E007F}");

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

	private static final Pattern HEX = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){8,}\\b");

	private static final Pattern ROT13_MARK = Pattern.compile("(?i)rot-?13\\W*(?:instructions?|text|message)?\\W*(.+)");

	private Payloads() {
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

	private static final Set<String> ENGLISH = Set.of("the", "you", "your", "and", "to", "of", "all", "is",
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
}
