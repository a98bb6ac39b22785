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
 * and street addresses, payment card numbers and IBANs (by their check digits), US social security numbers,
 * wallet private keys (64 hex digits, base58 with a checksum) and BIP-39 seed phrases, and secrets shaped
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

	/** "name at gmail dot com", "name[at]mail[dot]org": an e-mail address written to slip past filters. */
	private static final Pattern EMAIL_SPELT = Pattern.compile("(?i)(?<![\\w.+-])[\\w+-]+(?:(?:\\.|\\s*\\[dot]\\s*|\\s*\\(dot\\)\\s*|\\sdot\\s)[\\w+-]+)*\\s*(?:\\[at]|\\(at\\)|\\{at}|\\sat\\s)\\s*[a-z0-9-]+"
			+ "\\s*(?:\\[dot]|\\(dot\\)|\\{dot}|\\sdot\\s)\\s*(?:com|net|org|io|co|me|info|edu|gov|uk|de|et)\\b");

	/** Card numbers as they are written: 13 to 19 digits in a row, four groups of four, or Amex's 4-6-5. */
	private static final Pattern CARD = Pattern.compile("(?<![\\w-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}|\\d{4}([ -])\\d{6}\\2\\d{5})(?![ -]?\\d)(?![\\w-])");

	/** The issuer prefixes of Visa, Mastercard, Amex, Discover and JCB. */
	private static final Pattern CARD_ISSUER = Pattern.compile("4\\d*|5[1-5]\\d*|2[2-7]\\d*|3[47]\\d*|6(?:011|5)\\d*|35\\d*");

	private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");

	private static final Pattern SSN = Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");

	/** Bitcoin private keys in wallet import format, and extended private keys (base58). */
	private static final Pattern WIF = Pattern.compile("(?<![1-9A-HJ-NP-Za-km-z])(?:[5KL][1-9A-HJ-NP-Za-km-z]{50,51}|[xyzt]prv[1-9A-HJ-NP-Za-km-z]{107})(?![1-9A-HJ-NP-Za-km-z])");

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
		numbers(text, findings);
		Matcher secret = API_KEY.matcher(text);
		while (secret.find()) {
			findings.add(Finding.reject("secret_leak", null, "contains a secret shaped like an API key or a private key block",
					Finding.Span.of(text, secret.start(), secret.end())));
		}
		return findings;
	}

	/** Account numbers that carry their own check digits, so a match is no accident; and the spelt-out e-mail. */
	private static void numbers(String text, List<Finding> findings) {
		Matcher card = CARD.matcher(text);
		while (card.find()) {
			String digits = card.group().replaceAll("[ -]", "");
			if (CARD_ISSUER.matcher(digits).matches() && luhn(digits)) {
				findings.add(Finding.reject("private_card", null, "contains a payment card number (its check digit is valid)",
						Finding.Span.of(text, card.start(), card.end())));
			}
		}
		Matcher iban = IBAN.matcher(text);
		while (iban.find()) {
			String compact = iban.group().replace(" ", "");
			// the match may have run on into the next capitalised word: the longest prefix that checks out counts
			boolean valid = false;
			for (int length = compact.length(); length >= 15 && !valid; length--) {
				valid = ibanValid(compact.substring(0, length));
			}
			if (valid) {
				findings.add(Finding.reject("private_iban", null, "contains a bank account number (IBAN, its check digits are valid)",
						Finding.Span.of(text, iban.start(), iban.end())));
			}
		}
		Matcher ssn = SSN.matcher(text);
		if (ssn.find()) {
			findings.add(Finding.escalate("private_ssn", null, "contains what looks like a US social security number",
					Finding.Span.of(text, ssn.start(), ssn.end())));
		}
		Matcher wif = WIF.matcher(text);
		while (wif.find()) {
			if (Base58.checked(wif.group())) {
				findings.add(Finding.reject("private_key", null, "contains a wallet private key (base58 with a valid checksum)",
						Finding.Span.of(text, wif.start(), wif.end())));
			}
		}
		Matcher spelt = EMAIL_SPELT.matcher(text);
		if (spelt.find()) {
			findings.add(Finding.escalate("private_email", null, "contains what reads as an e-mail address written out (\"" + spelt.group() + "\")",
					Finding.Span.of(text, spelt.start(), spelt.end())));
		}
	}

	static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(digits.length() - 1 - i) - '0';
			sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
		}
		return sum % 10 == 0;
	}

	static boolean ibanValid(String iban) {
		String moved = iban.substring(4) + iban.substring(0, 4);
		int remainder = 0;
		for (char c : moved.toCharArray()) {
			int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
			remainder %= 97;
		}
		return remainder == 1;
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
