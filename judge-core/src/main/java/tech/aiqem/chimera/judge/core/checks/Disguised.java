package tech.aiqem.chimera.judge.core.checks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.safety.ContentSafety;

/**
 * Word-list matches that a disguise cannot step around: the first match in the text as written (with its
 * span), or else in the text as a reader sees it (look-alike letters folded, letters spaced apart joined,
 * leetspeak read back: "sh1t", "b i t c h", {@link ContentSafety#readings}), whose positions are not the
 * text's, so that match has no span.
 */
final class Disguised {

	/** What matched, and where in the text as written (null when only a reading matched). */
	record Match(String words, Finding.Span span) {
	}

	private final String text;

	private List<String> readings;

	/** The text in lower case when it is ASCII (where ignoring case and lower-casing agree), else null. */
	private final String lowerAscii;

	/** A text to search with several patterns; its readings are made once, on the first search that needs them. */
	Disguised(String text) {
		this.text = text;
		this.lowerAscii = text.chars().allMatch(c -> c < 0x80) ? text.toLowerCase(Locale.ROOT) : null;
	}

	Match find(Pattern pattern) {
		Matcher written = pattern.matcher(this.text);
		if (written.find()) {
			return new Match(written.group(), Finding.Span.of(this.text, written.start(), written.end()));
		}
		if (this.readings == null) {
			this.readings = ContentSafety.readings(this.text);
		}
		boolean caseless = pattern.pattern().startsWith("(?i)") || (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
		for (String reading : this.readings) {
			if (caseless && reading.equals(this.lowerAscii)) {
				// the text in lower case: a pattern that ignores case found nothing in it already
				continue;
			}
			Matcher read = pattern.matcher(reading);
			if (read.find()) {
				return new Match(read.group(), null);
			}
		}
		return null;
	}
}
