package tech.aiqem.chimera.model.message;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import tech.aiqem.chimera.model.Network;

/** A USDC transfer as {@code send_payment} takes it (mcp-tools/README.md). */
public record Payment(String toAddress, BigDecimal amountUsdc, String purpose, Network network) {

	public static final Pattern ADDRESS = Pattern.compile("^0x[a-fA-F0-9]{40}$");

	public static final BigDecimal MINIMUM = new BigDecimal("0.01");

	public Payment {
		Checks.notBlank(toAddress, "payment.to_address");
		if (!ADDRESS.matcher(toAddress).matches()) {
			throw new IllegalArgumentException("payment.to_address '" + toAddress + "' does not match ^0x[a-fA-F0-9]{40}$");
		}
		Checks.notNull(amountUsdc, "payment.amount_usdc");
		if (amountUsdc.compareTo(MINIMUM) < 0) {
			throw new IllegalArgumentException("payment.amount_usdc must be at least 0.01, got " + amountUsdc.toPlainString());
		}
		if (amountUsdc.stripTrailingZeros().scale() > 6) {
			throw new IllegalArgumentException("payment.amount_usdc has more than 6 decimals: " + amountUsdc.toPlainString());
		}
		Checks.notBlank(purpose, "payment.purpose");
		network = network == null ? Network.BASE : network;
	}
}
