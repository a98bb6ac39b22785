package tech.aiqem.chimera.faults;

import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.local.Chain;

/**
 * The payee's side of the payments: what it held before the run, so that what arrived on chain can be
 * compared with the confirmed transactions the database records.
 */
final class ChainLedger {

	private final LocalChain chain;

	private final String payee;

	private final long before;

	ChainLedger(LocalChain chain, String payee) throws Exception {
		this.chain = chain;
		this.payee = payee;
		this.before = Chain.usdc(chain, payee);
	}

	String payee() {
		return this.payee;
	}

	/** Base units moved to the payee on chain, beyond what the confirmed transactions account for. */
	long surplusTransfers(Database db) {
		try {
			long arrived = Chain.usdc(this.chain, this.payee) - this.before;
			long recorded = db.count("SELECT COALESCE(ROUND(SUM(amount_usdc) * 1000000), 0)::bigint FROM transactions"
					+ " WHERE status = 'confirmed' AND to_address ILIKE '" + this.payee + "'");
			return arrived == recorded ? 0 : Math.max(1, Math.abs(arrived - recorded) / 1_000_000);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the payee's balance: " + ex.getMessage(), ex);
		}
	}

	long arrived() throws Exception {
		return Chain.usdc(this.chain, this.payee) - this.before;
	}
}
