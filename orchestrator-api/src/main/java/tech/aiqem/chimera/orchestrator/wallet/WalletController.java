package tech.aiqem.chimera.orchestrator.wallet;

import java.math.BigDecimal;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

@RestController
class WalletController {

	private static final Logger log = LoggerFactory.getLogger(WalletController.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<WalletBalances> balances;

	private final ObjectProvider<tech.aiqem.chimera.wallet.AgentWallets> wallets;

	WalletController(JdbcClient jdbc, ObjectProvider<WalletBalances> balances,
			ObjectProvider<tech.aiqem.chimera.wallet.AgentWallets> wallets) {
		this.jdbc = jdbc;
		this.balances = balances;
		this.wallets = wallets;
	}

	/** A wired port first; else the wallet module's balances on Base (the default network); else unknown. */
	private WalletBalances balances() {
		WalletBalances wired = this.balances.getIfAvailable();
		if (wired != null) {
			return wired;
		}
		tech.aiqem.chimera.wallet.AgentWallets agentWallets = this.wallets.getIfAvailable();
		if (agentWallets == null) {
			return WalletBalances.UNKNOWN;
		}
		return address -> {
			tech.aiqem.chimera.wallet.WalletBalance balance = agentWallets.balance(address, tech.aiqem.chimera.model.Network.BASE);
			return new WalletBalances.Balance(address, balance.network().wire(), balance.usdc(), balance.eth());
		};
	}

	@Operation(summary = "The agent's wallet address and balances",
			description = "usdc, eth and network are null when no wallet component is configured, the agent has no wallet,"
					+ " or the chain cannot be read (balance_error then says why).")
	@GetMapping("/v1/agents/{agentId}/wallet")
	Wallet wallet(CurrentTenant tenant, @PathVariable UUID agentId) {
		String address = this.jdbc.sql("""
				SELECT COALESCE(wallet_address, '') FROM agents WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'
				""")
			.param("tenant", tenant.id().value())
			.param("id", agentId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("agent", agentId));
		WalletBalances.Balance balance = new WalletBalances.Balance(null, null, null, null);
		String error = null;
		if (!address.isEmpty()) {
			try {
				balance = balances().balance(address);
			}
			catch (RuntimeException ex) {
				log.warn("Cannot read the balance of {}: {}", address, ex.getMessage());
				balance = WalletBalances.UNKNOWN.balance(address);
				error = "the chain could not be read: " + ex.getMessage();
			}
		}
		return new Wallet(agentId, address.isEmpty() ? null : address, balance.network(), balance.usdc(), balance.eth(),
				error);
	}

	/** @param balanceError present only when the chain could not be read */
	record Wallet(UUID agentId, String address, String network, BigDecimal usdc, BigDecimal eth,
			@JsonInclude(JsonInclude.Include.NON_NULL) String balanceError) {
	}
}
