package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;

/**
 * Claims against tool calls. A post that says it paid or sent money needs a {@code send_payment} call, one
 * that presents an image it made (or carries media) a {@code generate_image} call; a win or a giveaway has
 * no tool that could prove it. Evidence comes from a {@link ToolCallVerifier}: with the declared calls only,
 * the finding says so, and a money claim resting on a declaration alone goes to a human.
 */
public final class ClaimCheck implements Check {

	private static final String MONEY = "(?:\\$\\s?\\d|\\d[\\d,.]*\\s?(?:usdc|usd|eth|btc|sol|dollars?|birr|euros?|€|£)|usdc|crypto|money|cash|tip|payment|funds|donation)";

	private static final String AMOUNT = "(?:\\$\\s?\\d|\\d[\\d,.]*\\s?(?:usdc|usd|eth|btc|sol|dollars?|birr|euros?|€|£))";

	/** "I sent 20 USDC…", "Payment sent", and, with an amount, a sentence that starts with the verb: "Sent $50 to…". */
	private static final Pattern PAYMENT = Pattern.compile("(?i)\\b(?:i|we|i've|we've|i have|we have|just)\\s+(?:just\\s+|already\\s+)?(?:paid|sent|transferred|tipped|donated|wired|airdropped)\\b[^.!?\\n]{0,60}?" + MONEY
			+ "|(?:^|[.!?\\n])[\\s\\p{So}]*(?:paid|sent|transferred|tipped|donated|wired|airdropped)\\b[^.!?\\n]{0,60}?" + AMOUNT
			+ "|\\b(?:payment|transfer|tip|donation)\\s+(?:has been\\s+|was\\s+|is\\s+)?(?:sent|made|done|complete[d]?)\\b");

	private static final Pattern MEDIA = Pattern.compile("(?i)\\b(?:i|we|i've|we've|just)\\s+(?:just\\s+)?(?:generated|created|made|designed|rendered)\\s+(?:this|these|an?|the|my|our|some)\\s+(?:new\\s+)?(?:image|images|picture|pictures|photo|photos|pic|pics|artwork|illustration|render|visual)s?\\b");

	private static final Pattern WIN_OR_GIVEAWAY = Pattern.compile("(?i)\\b(?:i|we)\\s+(?:just\\s+)?(?:won(?!['’]t)|have won|gave away|are giving away|am giving away|'re giving away|'m giving away)\\b|\\bwinners?\\s+(?:has|have)\\s+been\\s+(?:paid|sent|chosen|picked)\\b|\\bprizes?\\s+(?:has|have)\\s+been\\s+sent\\b");

	private final ToolCallVerifier verifier;

	public ClaimCheck(ToolCallVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		Matcher payment = PAYMENT.matcher(text);
		if (payment.find()) {
			Finding.Span span = Finding.Span.of(text, payment.start(), payment.end());
			switch (this.verifier.evidence(draft.result(), "send_payment")) {
				case NONE -> findings.add(Finding.reject("phantom_payment", null,
						"claims a payment (\"" + span.text() + "\") that no send_payment tool call made", span));
				case DECLARED -> findings.add(Finding.escalate("claim_unverified", null, "claims a payment backed only by the worker's declared "
						+ "send_payment call; the tools server's records are not checked yet", span));
				case VERIFIED -> { }
			}
		}
		Matcher media = MEDIA.matcher(text);
		boolean claimsMedia = media.find();
		if (claimsMedia || !draft.result().result().allMediaUrls().isEmpty()) {
			Finding.Span span = claimsMedia ? Finding.Span.of(text, media.start(), media.end()) : null;
			switch (this.verifier.evidence(draft.result(), "generate_image")) {
				case NONE -> findings.add(Finding.reject("phantom_media", null,
						claimsMedia ? "claims an image (\"" + span.text() + "\") that no generate_image tool call produced"
								: "the result claims media that no generate_image tool call produced", span));
				case DECLARED -> findings.add(Finding.note("claim_declared",
						"the image rests on the worker's declared generate_image call (not yet checked against the tools server)"));
				case VERIFIED -> { }
			}
		}
		Matcher win = WIN_OR_GIVEAWAY.matcher(text);
		if (win.find()) {
			Finding.Span span = Finding.Span.of(text, win.start(), win.end());
			findings.add(Finding.escalate("claim_unverified", null,
					"claims a win or a giveaway (\"" + span.text() + "\") that no tool call can confirm", span));
		}
		return findings;
	}
}
