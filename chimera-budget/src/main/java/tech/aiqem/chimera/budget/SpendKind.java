package tech.aiqem.chimera.budget;

/** What a spend paid for; the {@code spend_ledger.kind} column. */
public enum SpendKind {

	MODEL("model"), PAYMENT("payment"), TOOL("tool");

	private final String wire;

	SpendKind(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}
}
