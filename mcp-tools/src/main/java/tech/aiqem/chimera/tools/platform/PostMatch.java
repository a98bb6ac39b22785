package tech.aiqem.chimera.tools.platform;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether a post a platform lists is the one we sent: the same text once links (which platforms shorten
 * or turn into cards), case of whitespace and Unicode composition are set aside.
 */
public final class PostMatch {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private PostMatch() {
	}

	public static boolean sameText(String sent, String listed) {
		return listed != null && normal(sent).equals(normal(listed));
	}

	static String normal(String text) {
		String plain = LINK.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ");
		return SPACE.matcher(plain).replaceAll(" ").strip();
	}
}
