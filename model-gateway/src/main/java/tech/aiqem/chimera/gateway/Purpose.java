package tech.aiqem.chimera.gateway;

/**
 * What a prompt asks for, under the facts key {@code purpose}; each names the JSON answer shape that
 * hosted models are told to produce and the offline model produces.
 */
public enum Purpose {

	/** facts: persona, goals, count, platforms, recent_topics → {"tasks":[{"topic","goal_description","platform"}]} */
	PLAN_POSTS,

	/** facts: persona, goal, topic, platform, memories → {"text","image_prompt","confidence","reasoning"} */
	WRITE_POST,

	/** facts: persona, mention_text, mention_author, platform → {"text","confidence","reasoning"} */
	WRITE_REPLY,

	/** facts: payment {to_address, amount_usdc, purpose, network}, goal → {"confidence","reasoning"} */
	REVIEW_PAYMENT,

	/** facts: persona, task_type, text, findings → {"score","verdict","reasoning"} */
	JUDGE_RESULT;

	public static final String KEY = "purpose";

	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Purpose of(Object value) {
		if (value == null) {
			throw new IllegalArgumentException("the prompt's facts name no purpose");
		}
		return valueOf(value.toString().toUpperCase(java.util.Locale.ROOT));
	}
}
