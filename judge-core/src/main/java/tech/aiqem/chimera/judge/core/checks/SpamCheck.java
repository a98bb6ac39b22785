package tech.aiqem.chimera.judge.core.checks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;

/**
 * Spam and scams: outbound links to hosts not on the agent's allow-list, "DM me" solicitations, giveaways,
 * and promises of money (the shape of most crypto and "earn from home" scams, which are rejected).
 */
public final class SpamCheck implements Check {

	private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"')]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|co|xyz|ly|me|info|biz|app|link|shop|store|site|online|top|club|gg|tk|ru|cn)(?:/[^\\s<>\"')]*)?\\b");

	private static final Pattern DM = Pattern.compile("(?i)\\b(?:dm|message|inbox|text|whatsapp|telegram) (?:me|us)\\b|\\bslide (?:into|in) (?:my|our) dms\\b|\\bcheck (?:your|ur) dms?\\b");

	private static final Pattern GIVEAWAY = Pattern.compile("(?i)\\bgive ?aways?\\b|\\bfree (?:iphone|money|crypto|gift ?cards?|eth|btc|bitcoin|usdc)\\b|\\bfirst \\d+ (?:people|followers)\\b|\\bclaim your (?:prize|reward|airdrop)\\b|\\bairdrop\\b");

	private static final Pattern MONEY_PROMISE = Pattern.compile("(?i)\\b(?:earn|make|win|get)\\s+(?:up to\\s+)?\\$?\\d[\\d,.]*k?\\s*(?:\\$|usd|dollars|usdc|eth|btc)?\\s*(?:a|per|every)\\s+(?:day|week|hour|month)\\b"
			+ "|\\bdouble your (?:money|crypto|investment|btc|eth|bitcoin)\\b|\\bguaranteed (?:returns?|profits?|income)\\b|\\b\\d{2,}x (?:returns?|gains?|profit)\\b"
			+ "|\\bsend (?:me |us )?\\d[\\d.]* ?(?:eth|btc|usdc|sol)\\b[^.!?]{0,40}\\b(?:get|receive)\\b|\\bpassive income\\b|\\bget rich quick\\b|\\brisk[- ]free (?:investment|profit|returns?)\\b");

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		Matcher link = LINK.matcher(text);
		while (link.find()) {
			String host = host(link.group());
			if (host != null && !allowed(host, draft.allowedLinkHosts())) {
				findings.add(Finding.escalate("outbound_link", null, "links to " + host + ", which is not on the agent's link allow-list",
						Finding.Span.of(text, link.start(), link.end())));
			}
		}
		Matcher money = MONEY_PROMISE.matcher(text);
		if (money.find()) {
			findings.add(Finding.reject("scam", null, "promises money (\"" + money.group() + "\"), the shape of a scam",
					Finding.Span.of(text, money.start(), money.end())));
		}
		Matcher giveaway = GIVEAWAY.matcher(text);
		if (giveaway.find()) {
			findings.add(Finding.escalate("giveaway", null, "announces a giveaway or free prize (\"" + giveaway.group() + "\")",
					Finding.Span.of(text, giveaway.start(), giveaway.end())));
		}
		Matcher dm = DM.matcher(text);
		if (dm.find()) {
			findings.add(Finding.escalate("dm_solicitation", null, "asks readers to take it to private messages (\"" + dm.group() + "\")",
					Finding.Span.of(text, dm.start(), dm.end())));
		}
		return findings;
	}

	static String host(String link) {
		String url = link.toLowerCase(Locale.ROOT);
		if (!url.startsWith("http")) {
			url = "https://" + url;
		}
		try {
			String host = URI.create(url.replaceAll("[.,!?;:]+$", "")).getHost();
			return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
		}
		catch (IllegalArgumentException ex) {
			return url.replaceFirst("^https?://(www\\.)?", "").split("[/?#]")[0];
		}
	}

	static boolean allowed(String host, Set<String> allowList) {
		return allowList.stream().map(a -> a.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""))
			.anyMatch(a -> host.equals(a) || host.endsWith("." + a));
	}
}
