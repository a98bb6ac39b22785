package tech.aiqem.chimera.wallet;

import java.math.BigDecimal;

import tech.aiqem.chimera.model.Network;

/** What an address holds: USDC (6 decimals) and ETH for gas (18 decimals). */
public record WalletBalance(String address, Network network, BigDecimal usdc, BigDecimal eth) {
}
