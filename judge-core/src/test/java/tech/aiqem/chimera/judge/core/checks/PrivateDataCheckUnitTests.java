package tech.aiqem.chimera.judge.core.checks;

import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone numbers, e-mail and street addresses, keys, seed phrases and API keys are never published. */
class PrivateDataCheckUnitTests {

	private final PrivateDataCheck check = new PrivateDataCheck();

	private List<Finding> check(String text) {
		return this.check.check(Drafts.post(text));
	}

	@Test
	void phoneNumbersOfManyRegionsAreFound() {
		PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
		for (String region : List.of("US", "GB", "ET", "DE", "KE", "NG", "IN", "FR")) {
			String number = phones.format(phones.getExampleNumber(region), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
			assertThat(check("Call my friend on " + number + " for the dress")).as(number)
				.anySatisfy(f -> {
					assertThat(f.code()).isEqualTo("private_phone");
					assertThat(f.span().text()).isEqualTo(number);
				});
		}
		assertThat(check("Sizes 36 to 44, 2 colours, 1200 birr, 15% off until 30 June")).isEmpty();
	}

	@Test
	void emailAndStreetAddressesAreFound() {
		assertThat(check("Write to selam.fan@gmail.com for details")).anySatisfy(f -> assertThat(f.code()).isEqualTo("private_email"));
		assertThat(check("She lives at 221 Baker Street, come by")).anySatisfy(f -> assertThat(f.code()).isEqualTo("private_address"));
	}

	@Test
	void keysSeedPhrasesAndApiKeysAreFound() {
		String key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
		assertThat(check("backup: " + key)).anySatisfy(f -> assertThat(f.code()).isEqualTo("private_key"));
		assertThat(check("tx 0x" + key)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE));
		assertThat(check("my words: abandon ability able about above absent absorb abstract absurd abuse access accident, keep safe"))
			.anySatisfy(f -> assertThat(f.code()).isEqualTo("seed_phrase"));
		assertThat(check("key sk-proj-abcdefghijklmnopqrstuvwx1234")).anySatisfy(f -> assertThat(f.code()).isEqualTo("secret_leak"));
		assertThat(check("AKIAIOSFODNN7EXAMPLE")).anySatisfy(f -> assertThat(f.code()).isEqualTo("secret_leak"));
	}

	@Test
	void accountNumbersCountOnlyWhenTheirCheckDigitsAgree() {
		// the card networks' and ISO 13616's published example numbers, and the Bitcoin wiki's example WIF key
		assertThat(check("Raffle card: 4111 1111 1111 1111, exp 09/28")).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("private_card");
			assertThat(f.span().text()).isEqualTo("4111 1111 1111 1111");
		});
		assertThat(check("Order 4111 1111 1111 1112 shipped")).isEmpty();
		assertThat(check("Her IBAN is DE89 3704 0044 0532 0130 00 SEND LOVE")).singleElement()
			.satisfies(f -> assertThat(f.code()).isEqualTo("private_iban"));
		assertThat(check("Code DE89 3704 0044 0532 0130 01")).isEmpty();
		assertThat(check("backup 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ")).singleElement()
			.satisfies(f -> assertThat(f.code()).isEqualTo("private_key"));
		assertThat(check("SSN 123-45-6789 for the form")).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("private_ssn");
			assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE);
		});
		assertThat(check("Write to martha dot hughes at gmail dot com, or selam[at]mail[dot]org")).anySatisfy(f -> {
			assertThat(f.code()).isEqualTo("private_email");
			assertThat(f.span().text()).isEqualTo("martha dot hughes at gmail dot com");
		});
		assertThat(check("See you at the show, doors at 8")).isEmpty();
	}

	@Test
	void ordinaryTweetsCarryNoPrivateData() {
		// Davidson's "neither" tweets (train): ordinary text with numbers, handles and slang
		List<Datasets.Record> clean = Datasets.read("safety/train.jsonl").stream()
			.filter(r -> r.label().equals("clean") && r.source().startsWith("t-davidson"))
			.toList();
		long flagged = clean.stream().filter(r -> this.check.check(Drafts.post(r.text())).stream()
			.anyMatch(f -> !f.code().equals("private_email"))).count();
		assertThat(clean).hasSizeGreaterThan(1000);
		assertThat((double) flagged / clean.size()).as("share of clean tweets flagged").isLessThan(0.01);
		assertThat(check("Size 38, 2 colours, 100% cotton, back in 3 days").stream().map(f -> f.code().toLowerCase(Locale.ROOT))).isEmpty();
	}
}
