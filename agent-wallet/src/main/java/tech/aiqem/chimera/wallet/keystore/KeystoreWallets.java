package tech.aiqem.chimera.wallet.keystore;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.utils.Numeric;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.wallet.AgentWallets;
import tech.aiqem.chimera.wallet.WalletBalance;
import tech.aiqem.chimera.wallet.chain.EvmChain;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.chain.UsdcUnits;

/**
 * Wallets whose keys are generated here and kept encrypted in {@code agent_wallets.keystore} (Ethereum
 * V3 keystore JSON, web3j's format, which uses Jackson 2). Signing decrypts the key for the one
 * signature and lets it go.
 */
public final class KeystoreWallets implements AgentWallets, WalletSigner {

	private static final Logger log = LoggerFactory.getLogger(KeystoreWallets.class);

	private static final String FIND = "SELECT address, tenant_id, keystore FROM agent_wallets WHERE agent_id = ?";

	private static final String AGENT_TENANT = "SELECT tenant_id FROM agents WHERE id = ?";

	private static final String INSERT = """
			INSERT INTO agent_wallets (agent_id, tenant_id, address, provider, keystore)
			VALUES (?, ?, ?, 'keystore', ?)
			ON CONFLICT (agent_id) DO NOTHING
			""";

	private final JdbcTemplate jdbc;

	private final Passphrase passphrase;

	private final KeystoreKdf kdf;

	private final EvmNetworks networks;

	private final ObjectMapper keystoreJson = ObjectMapperFactory.getObjectMapper();

	public KeystoreWallets(JdbcTemplate jdbc, Passphrase passphrase, KeystoreKdf kdf, EvmNetworks networks) {
		this.jdbc = jdbc;
		this.passphrase = passphrase;
		this.kdf = kdf;
		this.networks = networks;
	}

	private record Row(String address, UUID tenantId, String keystore) {
	}

	private Row find(AgentId agentId) {
		List<Row> rows = this.jdbc.query(FIND, (rs, n) -> new Row(rs.getString("address"),
				rs.getObject("tenant_id", UUID.class), rs.getString("keystore")), agentId.value());
		return rows.isEmpty() ? null : rows.get(0);
	}

	@Override
	public String create(TenantId tenantId, AgentId agentId) {
		Row existing = find(agentId);
		if (existing != null) {
			requireTenant(existing.tenantId(), tenantId, agentId);
			return existing.address();
		}
		List<UUID> owner = this.jdbc.queryForList(AGENT_TENANT, UUID.class, agentId.value());
		if (owner.isEmpty()) {
			throw new IllegalArgumentException("unknown agent " + agentId);
		}
		requireTenant(owner.get(0), tenantId, agentId);
		String keystore;
		String address;
		try {
			ECKeyPair keyPair = Keys.createEcKeyPair();
			WalletFile file = Wallet.create(this.passphrase.value(), keyPair, this.kdf.n, this.kdf.p);
			keystore = this.keystoreJson.writeValueAsString(file);
			address = Keys.toChecksumAddress(Keys.getAddress(keyPair));
		}
		catch (CipherException | JsonProcessingException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("could not create a keystore for agent " + agentId + ": "
					+ ex.getClass().getSimpleName(), ex);
		}
		this.jdbc.update(INSERT, agentId.value(), tenantId.value(), address, keystore);
		// A concurrent create may have won the insert: its wallet is the agent's.
		String stored = find(agentId).address();
		if (stored.equals(address)) {
			log.info("Created wallet {} for agent {}", address, agentId);
		}
		return stored;
	}

	private static void requireTenant(UUID actual, TenantId expected, AgentId agentId) {
		if (!expected.value().equals(actual)) {
			throw new IllegalArgumentException("agent " + agentId + " does not belong to tenant " + expected);
		}
	}

	@Override
	public String address(AgentId agentId) {
		Row row = find(agentId);
		return row == null ? null : row.address();
	}

	@Override
	public WalletBalance balance(String address, Network network) {
		EvmChain chain = this.networks.chain(network);
		return new WalletBalance(address, network, UsdcUnits.fromUnits(chain.usdcUnits(address)),
				UsdcUnits.ethFromWei(chain.weiBalance(address)));
	}

	@Override
	public SignedTransaction sign(AgentId agentId, RawTransaction transaction, long chainId) {
		Row row = find(agentId);
		if (row == null || row.keystore() == null) {
			throw new IllegalArgumentException("agent " + agentId + " has no keystore wallet");
		}
		Credentials credentials;
		try {
			WalletFile file = this.keystoreJson.readValue(row.keystore(), WalletFile.class);
			credentials = Credentials.create(Wallet.decrypt(this.passphrase.value(), file));
		}
		catch (CipherException ex) {
			throw new IllegalStateException("the wallet of agent " + agentId
					+ " cannot be decrypted with the configured CHIMERA_WALLET_PASSPHRASE");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("the stored keystore of agent " + agentId + " is not valid keystore JSON");
		}
		if (!credentials.getAddress().equalsIgnoreCase(row.address())) {
			throw new IllegalStateException("the keystore of agent " + agentId + " does not hold the key of "
					+ row.address());
		}
		String hex = Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, credentials));
		return new SignedTransaction(row.address(), hex, Hash.sha3(hex));
	}

	@Override
	public String toString() {
		return "KeystoreWallets[kdf=" + this.kdf + "]";
	}
}
