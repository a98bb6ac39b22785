package tech.aiqem.chimera.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a campaign's posts are due: {@code postsPerDay} slots a day, evenly spaced from the start, for
 * {@code durationDays}. The orchestrator quotes {@code estimated_posts} from it and the planner plans
 * the same slots, so both agree without calling each other.
 */
public record CampaignSchedule(Instant start, int durationDays, int postsPerDay) {

	public static final int DEFAULT_POSTS_PER_DAY = 3;

	private static final Pattern PER_DAY = Pattern
		.compile("(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:posts?|times)\\s+(?:a|per|each)\\s+day");

	public CampaignSchedule {
		if (durationDays < 1 || durationDays > 365) {
			throw new IllegalArgumentException("duration_days must be between 1 and 365, got " + durationDays);
		}
		if (postsPerDay < 1 || postsPerDay > 48) {
			throw new IllegalArgumentException("posts per day must be between 1 and 48, got " + postsPerDay);
		}
	}

	/** Reads a posting rate from plain-language goals ("2 posts a day", "twice a day", "daily"); 3 otherwise. */
	public static int postsPerDayIn(String goals) {
		String text = goals == null ? "" : goals.toLowerCase(Locale.ROOT);
		Matcher matcher = PER_DAY.matcher(text);
		if (matcher.find()) {
			int n = number(matcher.group(1));
			return Math.max(1, Math.min(48, n));
		}
		if (text.contains("twice a day") || text.contains("twice daily")) {
			return 2;
		}
		if (text.contains("once a day") || text.contains("one post a day") || text.contains("daily post")) {
			return 1;
		}
		return DEFAULT_POSTS_PER_DAY;
	}

	public int estimatedPosts() {
		return this.durationDays * this.postsPerDay;
	}

	public Duration interval() {
		return Duration.ofDays(1).dividedBy(this.postsPerDay);
	}

	/** When slot {@code n} (0-based) is due; the first is due at the start. */
	public Instant slotTime(int slot) {
		if (slot < 0 || slot >= estimatedPosts()) {
			throw new IllegalArgumentException("slot " + slot + " is outside 0.." + (estimatedPosts() - 1));
		}
		return this.start.plus(interval().multipliedBy(slot));
	}

	public Instant end() {
		return this.start.plus(Duration.ofDays(this.durationDays));
	}

	private static int number(String word) {
		return switch (word) {
			case "one" -> 1;
			case "two" -> 2;
			case "three" -> 3;
			case "four" -> 4;
			case "five" -> 5;
			case "six" -> 6;
			case "seven" -> 7;
			case "eight" -> 8;
			case "nine" -> 9;
			case "ten" -> 10;
			default -> Integer.parseInt(word);
		};
	}
}
