package tech.aiqem.chimera.tools.payment;

import java.math.BigDecimal;

import tech.aiqem.chimera.model.Network;

/**
 * What the chain (or ledger) says about a payment.
 * @param status pending or confirmed (as in {@code transactions.status})
 */
public record PaymentReceipt(String transactionHash, Network network, String fromAddress, String toAddress,
		BigDecimal amountUsdc, String status) {
}
