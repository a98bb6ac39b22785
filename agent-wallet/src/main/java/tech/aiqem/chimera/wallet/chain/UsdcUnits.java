package tech.aiqem.chimera.wallet.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** USDC has 6 decimals: 1.5 USDC is 1 500 000 units on chain. Conversions are exact or refused. */
public final class UsdcUnits {

	public static final int DECIMALS = 6;

	private UsdcUnits() {
	}

	/** @throws IllegalArgumentException for a negative amount or one with more than 6 decimals */
	public static BigInteger toUnits(BigDecimal usdc) {
		if (usdc.signum() < 0) {
			throw new IllegalArgumentException("USDC amount must not be negative: " + usdc.toPlainString());
		}
		if (usdc.stripTrailingZeros().scale() > DECIMALS) {
			throw new IllegalArgumentException(
					"USDC has 6 decimals; " + usdc.toPlainString() + " cannot be paid exactly");
		}
		return usdc.movePointRight(DECIMALS).toBigIntegerExact();
	}

	public static BigDecimal fromUnits(BigInteger units) {
		return new BigDecimal(units, DECIMALS);
	}

	/** ETH from wei (18 decimals), for display and gas checks. */
	public static BigDecimal ethFromWei(BigInteger wei) {
		return new BigDecimal(wei, 18).stripTrailingZeros();
	}
}
