package tech.aiqem.chimera.tools.post;

/** The account already has a post (or a reserved one) with this text under another task. */
class DuplicateTextException extends RuntimeException {

	private final String otherTask;

	private final String postId;

	DuplicateTextException(String otherTask, String postId) {
		super("duplicate text");
		this.otherTask = otherTask;
		this.postId = postId;
	}

	String otherTask() {
		return this.otherTask;
	}

	String postId() {
		return this.postId;
	}
}
