package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;

/**
 * Private data that must never be published: phone numbers (libphonenumber, valid numbers only), e-mail
 * and street addresses, wallet private keys (64 hex digits) and BIP-39 seed phrases, and secrets shaped
 * like API keys (the agent's own or anyone's).
 */
public final class PrivateDataCheck implements Check {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	/** Numbers without a country code are read as if from these regions (the platforms' main markets). */
	private static final List<String> REGIONS = List.of("US", "GB", "ET");

	private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b");

	private static final Pattern STREET = Pattern.compile("(?i)\\b\\d{1,5}\\s+(?:[A-Z][\\w'.-]*\\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|way|highway|hwy)\\b\\.?(?:,?\\s+(?:apt|apartment|suite|unit)\\s*#?\\w+)?");

	private static final Pattern HEX_KEY = Pattern.compile("(?<![0-9A-Za-z])(0x)?([0-9a-fA-F]{64})(?![0-9A-Za-z])");

	private static final Pattern KEY_WORDS = Pattern.compile("(?i)private key|secret key|priv key|privkey|seed|recovery|mnemonic");

	private static final Pattern API_KEY = Pattern.compile("\\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|gh[pousr]_[A-Za-z0-9]{36,}|xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|hf_[A-Za-z0-9]{30,})\\b|-----BEGIN [A-Z ]*PRIVATE KEY-----");

	private static final Pattern WORD = Pattern.compile("[a-z]+");

	private static final Set<String> BIP39 = Set.copyOf(Resources.lines("bip39-english.txt"));

	/** A seed phrase has 12 to 24 words; twelve in a row from the list is no accident. */
	private static final int SEED_WORDS = 12;

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		phones(text, findings);
		Matcher email = EMAIL.matcher(text);
		while (email.find()) {
			findings.add(Finding.reject("private_email", null, "contains an e-mail address", Finding.Span.of(text, email.start(), email.end())));
		}
		Matcher street = STREET.matcher(text);
		while (street.find()) {
			findings.add(Finding.reject("private_address", null, "contains a street address", Finding.Span.of(text, street.start(), street.end())));
		}
		Matcher hex = HEX_KEY.matcher(text);
		while (hex.find()) {
			Finding.Span span = Finding.Span.of(text, hex.start(), hex.end());
			// 0x + 64 hex digits is also a transaction hash, which is public: a human tells them apart.
			findings.add(hex.group(1) == null || KEY_WORDS.matcher(text).find()
					? Finding.reject("private_key", null, "contains what looks like a wallet private key (64 hex digits)", span)
					: Finding.escalate("private_key", null, "contains 64 hex digits: a transaction hash or a private key", span));
		}
		seedPhrase(text, findings);
		Matcher secret = API_KEY.matcher(text);
		while (secret.find()) {
			findings.add(Finding.reject("secret_leak", null, "contains a secret shaped like an API key or a private key block",
					Finding.Span.of(text, secret.start(), secret.end())));
		}
		return findings;
	}

	private static void phones(String text, List<Finding> findings) {
		List<int[]> seen = new ArrayList<>();
		for (String region : REGIONS) {
			for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
				if (seen.stream().anyMatch(s -> s[0] < match.end() && match.start() < s[1])) {
					continue;
				}
				seen.add(new int[] { match.start(), match.end() });
				findings.add(Finding.reject("private_phone", null, "contains a phone number",
						Finding.Span.of(text, match.start(), match.end())));
			}
		}
	}

	private static void seedPhrase(String text, List<Finding> findings) {
		Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
		int run = 0;
		int runStart = 0;
		int lastEnd = 0;
		boolean reported = false;
		while (word.find()) {
			if (BIP39.contains(word.group())) {
				if (run == 0) {
					runStart = word.start();
				}
				run++;
				lastEnd = word.end();
				if (run >= SEED_WORDS && !reported) {
					reported = true;
				}
			}
			else {
				if (reported) {
					break;
				}
				run = 0;
			}
		}
		if (reported) {
			findings.add(Finding.reject("seed_phrase", null, "contains a run of BIP-39 words like a wallet seed phrase",
					Finding.Span.of(text, runStart, lastEnd)));
		}
	}
}
