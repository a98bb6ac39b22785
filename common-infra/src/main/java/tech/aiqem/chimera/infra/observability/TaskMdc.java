package tech.aiqem.chimera.infra.observability;

import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.MDC;

/**
 * Puts a task's and its agent's ids into the logging context, so every log line written while the task
 * is handled carries them ({@code [task=... agent=...]} in the log pattern, tags on Sentry events), and
 * carries the context over to the threads a task is handed to.
 *
 * <pre>{@code
 * try (TaskMdc.Scope scope = TaskMdc.of(task.taskId(), task.agentId())) {
 *     executor.submit(TaskMdc.propagate(() -> work(task)));
 * }
 * }</pre>
 */
public final class TaskMdc {

	public static final String TASK_ID = "task_id";

	public static final String AGENT_ID = "agent_id";

	private TaskMdc() {
	}

	/** Sets the ids that are not null; closing the scope restores what was there before. */
	public static Scope of(Object taskId, Object agentId) {
		Scope scope = new Scope(MDC.get(TASK_ID), MDC.get(AGENT_ID));
		set(TASK_ID, taskId);
		set(AGENT_ID, agentId);
		return scope;
	}

	/** Runs the callable with the caller's logging context, on whatever thread runs it. */
	public static <T> Callable<T> propagate(Callable<T> callable) {
		Map<String, String> captured = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			replace(captured);
			try {
				return callable.call();
			}
			finally {
				replace(previous);
			}
		};
	}

	/** Runs the runnable with the caller's logging context, on whatever thread runs it. */
	public static Runnable propagate(Runnable runnable) {
		Callable<Void> callable = propagate(() -> {
			runnable.run();
			return null;
		});
		return () -> {
			try {
				callable.call();
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	private static void replace(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

	private static void set(String key, Object value) {
		if (value != null) {
			MDC.put(key, value.toString());
		}
	}

	/** Restores the ids that were in the logging context before {@link #of}. */
	public static final class Scope implements AutoCloseable {

		private final String previousTask;

		private final String previousAgent;

		private Scope(String previousTask, String previousAgent) {
			this.previousTask = previousTask;
			this.previousAgent = previousAgent;
		}

		@Override
		public void close() {
			restore(TASK_ID, this.previousTask);
			restore(AGENT_ID, this.previousAgent);
		}

		private static void restore(String key, String value) {
			if (value == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, value);
			}
		}
	}
}
