package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.persona.Persona;

/**
 * Brands and people named in a post. A known brand (the gazetteer), an @handle, a #tag of a known brand,
 * a run of two or more capitalised words, or one after a title ("Dr. Dre"), that is not the persona's own
 * vocabulary reads as a brand or a person: unless it is on the persona's approved list (compared tolerantly), a human looks first.
 */
public final class BrandCheck implements Check {

	private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])([@#])([\\p{L}\\p{N}_]{2,30})");

	/** A cashtag names a listed company ($TSLA): financial talk about a brand. */
	private static final Pattern CASHTAG = Pattern.compile("(?<![\\w$])\\$([A-Z]{1,5})(?![\\w])");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’&.\\-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");

	/** Capitalised words that start many sentences or name no one. */
	private static final Set<String> COMMON = Set.of("i", "im", "ive", "ill", "id", "ok", "okay", "omg", "lol", "the", "a",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
			"april", "may", "june", "july", "august", "september", "october", "november", "december", "ai", "ad", "dm", "rt",
			"god", "mr", "mrs", "ms", "dr", "new", "happy", "good", "morning", "night", "today", "tonight", "weekend",
			"christmas", "easter", "ramadan", "eid", "thanksgiving", "halloween", "valentine", "valentines", "paid",
			"partnership", "sponsored", "link", "bio", "follow", "like", "share", "comment", "swipe", "check", "out",
			// titles and kinship words are not names; the name after them still counts
			"master", "sir", "madam", "lady", "lord", "miss", "mister", "uncle", "aunt", "auntie", "young", "old", "saint");

	private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "sir", "madam", "lady", "lord", "miss", "mister", "master",
			"uncle", "aunt", "auntie", "saint", "prof", "professor");

	private static final Set<String> ABBREVIATED_TITLES = Set.of("mr", "mrs", "ms", "dr", "prof");

	private static final Set<String> PLATFORMS = Set.of("twitter", "x", "instagram", "insta", "ig", "tiktok", "youtube",
			"facebook", "threads", "linkedin", "snapchat", "reddit", "discord", "telegram", "whatsapp", "twitch");

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		Persona persona = draft.persona();
		List<Finding> findings = new ArrayList<>();
		Set<String> reported = new HashSet<>();
		String repliedTo = draft.context().mention() == null ? null : BrandGazetteer.squash(draft.context().mention().author());
		Matcher handles = HANDLE.matcher(text);
		while (handles.find()) {
			String name = handles.group(2);
			String squashed = BrandGazetteer.squash(name);
			boolean handle = handles.group(1).equals("@");
			if (BrandGazetteer.approved(name, persona.approvedBrands()) || squashed.equals(repliedTo) || ownName(squashed, persona)
					|| !reported.add(squashed)) {
				continue;
			}
			BrandGazetteer.Brand brand = BrandGazetteer.find(name);
			if (handle || brand != null) {
				findings.add(unapproved(text, handles.start(), handles.end(), handles.group(),
						handle && brand == null ? "an account" : "the brand " + brand.name()));
			}
		}
		Matcher cashtag = CASHTAG.matcher(text);
		while (cashtag.find()) {
			if (!BrandGazetteer.approved(cashtag.group(1), persona.approvedBrands()) && reported.add("$" + cashtag.group(1))) {
				findings.add(unapproved(text, cashtag.start(), cashtag.end(), cashtag.group(), "a listed company's ticker"));
			}
		}
		List<int[]> words = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			if (word.start() > 0 && "@#".indexOf(text.charAt(word.start() - 1)) >= 0) {
				continue;
			}
			words.add(new int[] { word.start(), word.end() });
		}
		Set<String> vocabulary = vocabulary(persona);
		for (int i = 0; i < words.size(); i++) {
			int matched = 0;
			for (int n = Math.min(BrandGazetteer.LONGEST, words.size() - i); n >= 1 && matched == 0; n--) {
				String span = text.substring(words.get(i)[0], words.get(i + n - 1)[1]);
				BrandGazetteer.Brand brand = BrandGazetteer.find(span);
				if (brand == null || (brand.ambiguous() && !(capitalised(span) && !sentenceStart(text, words.get(i)[0])))
						|| (!brand.ambiguous() && n == 1 && span.length() <= 3 && !capitalised(span))) {
					continue;
				}
				matched = n;
				String squashed = BrandGazetteer.squash(span);
				if (!BrandGazetteer.approved(span, persona.approvedBrands()) && !ownName(squashed, persona) && reported.add(squashed)) {
					findings.add(unapproved(text, words.get(i)[0], words.get(i + n - 1)[1], span, "the brand " + brand.name()));
				}
			}
			if (matched > 0) {
				i += matched - 1;
				continue;
			}
			int run = 0;
			while (i + run < words.size() && titleCase(text.substring(words.get(i + run)[0], words.get(i + run)[1]))
					&& !COMMON.contains(BrandGazetteer.squash(text.substring(words.get(i + run)[0], words.get(i + run)[1])))
					&& (run == 0 || adjacent(text, words.get(i + run - 1)[1], words.get(i + run)[0]))) {
				run++;
			}
			// "Dr. Dre", "Mr Smith": one capitalised word after a capitalised title names a person, wherever it stands
			// ("what people miss. And yes" has neither: only abbreviated titles take a full stop)
			boolean titled = run >= 1 && i > 0 && title(text.substring(words.get(i - 1)[0], words.get(i - 1)[1]),
					text.substring(words.get(i - 1)[1], words.get(i)[0]));
			if (run >= 2 && !titled && sentenceStart(text, words.get(i)[0])) {
				// "Muppet Management Tip #34": a sentence's first words are capitalised anyway; too ambiguous to call a name
				i += run - 1;
			}
			else if (run >= 2 || titled) {
				String span = text.substring(words.get(i)[0], words.get(i + run - 1)[1]);
				String squashed = BrandGazetteer.squash(span);
				if (!BrandGazetteer.approved(span, persona.approvedBrands()) && !known(span, vocabulary)
						&& !ownName(squashed, persona) && reported.add(squashed)) {
					findings.add(Finding.escalate("named_entity", null, "names \"" + span
							+ "\", which reads as a brand or a person and is not on the approved list",
							Finding.Span.of(text, words.get(i)[0], words.get(i + run - 1)[1])));
				}
				i += run - 1;
			}
		}
		return findings;
	}

	private static boolean title(String word, String gap) {
		String squashed = BrandGazetteer.squash(word);
		return capitalised(word) && TITLES.contains(squashed)
				&& gap.matches((ABBREVIATED_TITLES.contains(squashed) ? "\\.?" : "") + "[ \\t]+");
	}

	private static Finding unapproved(String text, int start, int end, String shown, String what) {
		return Finding.escalate("unapproved_brand", null,
				"mentions " + shown + " (" + what + "), which is not on the persona's approved brand list", Finding.Span.of(text, start, end));
	}

	private static boolean ownName(String squashed, Persona persona) {
		return squashed.equals(BrandGazetteer.squash(persona.name())) || PLATFORMS.contains(squashed);
	}

	/**
	 * The persona's own world: its name, its topics, and every capitalised word of its identity (the
	 * people and places the operator wrote into the persona are known to the operator, not outside brands).
	 */
	private static Set<String> vocabulary(Persona persona) {
		Set<String> words = new HashSet<>();
		for (String phrase : persona.topics()) {
			words.add(BrandGazetteer.squash(phrase));
		}
		words.add(BrandGazetteer.squash(persona.name()));
		for (String part : persona.name().split("\\s+")) {
			words.add(BrandGazetteer.squash(part));
		}
		Matcher word = WORD.matcher(persona.identity());
		while (word.find()) {
			if (capitalised(word.group())) {
				words.add(BrandGazetteer.squash(word.group()));
			}
		}
		return words;
	}

	/** Whether every word of a capitalised run belongs to the persona's own world. */
	private static boolean known(String span, Set<String> vocabulary) {
		if (vocabulary.contains(BrandGazetteer.squash(span))) {
			return true;
		}
		Matcher word = WORD.matcher(span);
		while (word.find()) {
			if (!vocabulary.contains(BrandGazetteer.squash(word.group().replaceAll("['’]s$", "")))) {
				return false;
			}
		}
		return true;
	}

	/** A capital then at least one small letter: how names are written; ALL CAPS is emphasis, not a name. */
	private static boolean titleCase(String word) {
		return capitalised(word) && word.codePoints().anyMatch(Character::isLowerCase);
	}

	private static boolean capitalised(String word) {
		return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
	}

	/** Only spaces between two words of a name (no comma, full stop or line break). */
	private static boolean adjacent(String text, int end, int start) {
		return text.substring(end, start).matches("[ \\t]+");
	}

	static boolean sentenceStart(String text, int start) {
		int i = start - 1;
		while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"'“‘([*-".indexOf(text.charAt(i)) >= 0
				|| Character.getType(text.charAt(i)) == Character.OTHER_SYMBOL || Character.isSurrogate(text.charAt(i)))) {
			if (text.charAt(i) == '\n') {
				return true;
			}
			i--;
		}
		return i < 0 || ".!?:…".indexOf(text.charAt(i)) >= 0;
	}

	static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}
}
