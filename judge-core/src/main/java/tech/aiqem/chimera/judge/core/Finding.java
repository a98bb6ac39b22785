package tech.aiqem.chimera.judge.core;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * Something a check found in a result, readable by a human: a stable {@code code} (e.g.
 * {@code forbidden_topic}), what it means for the verdict, a sentence saying why, and where in the text
 * the offending words are. {@code REJECT} findings end the task, {@code ESCALATE} ones send it to a human,
 * {@code PENALTY} ones lower its confidence, {@code NOTE} ones only explain.
 *
 * @param errorCode the error code (docs/architecture.md §11) the task ends or escalates with, when one applies
 * @param span the offending words, or null when the finding is about the result as a whole
 */
public record Finding(String code, Severity severity, String detail, Span span, ErrorCode errorCode) {

	public enum Severity {
		REJECT, ESCALATE, PENALTY, NOTE
	}

	/** Characters {@code start} (inclusive) to {@code end} (exclusive) of the result's text, and those words. */
	public record Span(int start, int end, String text) {

		public Span {
			if (start < 0 || end < start) {
				throw new IllegalArgumentException("bad span " + start + ".." + end);
			}
		}

		public static Span of(String text, int start, int end) {
			return new Span(start, end, text.substring(start, end));
		}
	}

	public Finding {
		if (code == null || code.isBlank() || severity == null || detail == null) {
			throw new IllegalArgumentException("a finding needs a code, a severity and a detail");
		}
	}

	/** The human-readable reason (the detail), as older callers call it. */
	public String reason() {
		return this.detail;
	}

	public boolean blocks() {
		return this.severity == Severity.REJECT || this.severity == Severity.ESCALATE;
	}

	public static Finding reject(String code, ErrorCode errorCode, String detail, Span span) {
		return new Finding(code, Severity.REJECT, detail, span, errorCode);
	}

	public static Finding escalate(String code, ErrorCode errorCode, String detail, Span span) {
		return new Finding(code, Severity.ESCALATE, detail, span, errorCode);
	}

	public static Finding penalty(String code, String detail, Span span) {
		return new Finding(code, Severity.PENALTY, detail, span, null);
	}

	public static Finding note(String code, String detail) {
		return new Finding(code, Severity.NOTE, detail, null, null);
	}
}
