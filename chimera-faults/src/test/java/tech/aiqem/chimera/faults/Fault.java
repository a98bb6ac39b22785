package tech.aiqem.chimera.faults;

/** The kinds of fault the suite injects. */
enum Fault {

	/** kill -9 of the worker in the middle of work; restarted at once, as Kubernetes would. */
	KILL_WORKER("kill -9 worker"),
	/** kill -9 of the judge. */
	KILL_JUDGE("kill -9 judge"),
	/** kill -9 of the planner. */
	KILL_PLANNER("kill -9 planner"),
	/** SIGTERM of the worker: it must finish its tasks or return them to the queue within the grace period. */
	TERM_WORKER("SIGTERM worker"),
	/** Redis stopped for a while and started again on the same port (its append-only file kept). */
	RESTART_REDIS("Redis restart"),
	/** PostgreSQL stopped for a while and started again on the same port and data (E2002). */
	RESTART_POSTGRES("PostgreSQL restart"),
	/** The MCP server down for a while (E1002: retries with backoff, escalation after 5). */
	MCP_DOWN("MCP server down"),
	/** A task message delivered twice on purpose. */
	DUPLICATE_TASK("duplicate task delivery"),
	/** A worker's result delivered to the judge twice on purpose. */
	DUPLICATE_RESULT("duplicate result delivery"),
	/** A content agent and the payer paused by the operator for a while: nothing of theirs may go out. */
	PAUSE_AGENTS("agents paused"),
	/** A payment added to the goals, then taken out again while in flight: it may not be sent. */
	WITHDRAW_PAYMENT("payment taken out of the goals"),
	/** A queued task message lost from Redis: the sweeper must end its task with a code. */
	LOSE_TASK("task message lost"),
	/** A task taken by a thread of the live worker that never finishes it: its lease must bring it back. */
	WEDGE_TASK("wedged consumer thread");

	private final String label;

	Fault(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}
}
