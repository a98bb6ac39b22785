package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/** Benign posts and comments the injection training borrows from the safety task's training file. */
final class SocialPosts {

	static final int PER_SOURCE = 500;

	/** Words that attacks use and ordinary posts use too (the datasets README's list for benign_instruction_like, and a few more). */
	static final Pattern TRIGGER = Pattern.compile("(?i)\\b(?:ignor(?:e|ed|es|ing)|instructions?|passwords?|system|rules?|bots?|hack\\w*|override"
			+ "|forget|pretend|reset|commands?|prompts?|assistant|chatgpt|admin|secret|reveal|previous)\\b|\\bAI\\b");

	private SocialPosts() {
	}

	/**
	 * Benign social text from the safety task's training file (tweets, forum posts, statements: none is an
	 * injection, and the datasets were deduplicated across tasks): every one with a word attacks also use
	 * ("ignore", "instructions", "password", "system", "bot", "AI", ...) and a fixed-seed sample of
	 * {@value #PER_SOURCE} others per source. The injection file has 23 such tweets; without them the
	 * head flagged 15 % of the safety file's posts that use one of those words.
	 */
	static List<Datasets.Example> negatives() {
		List<Datasets.Example> posts = new ArrayList<>(Datasets.read("safety", "train"));
		Collections.shuffle(posts, new Random(Training.SEED));
		Map<String, Integer> taken = new HashMap<>();
		List<Datasets.Example> out = new ArrayList<>();
		for (Datasets.Example post : posts) {
			boolean trigger = TRIGGER.matcher(post.text()).find();
			if (trigger || taken.merge(post.source(), 1, Integer::sum) <= PER_SOURCE) {
				out.add(new Datasets.Example(post.text(), "benign", trigger ? "benign_instruction_like" : "benign_social", post.source()));
			}
		}
		return out;
	}
}
