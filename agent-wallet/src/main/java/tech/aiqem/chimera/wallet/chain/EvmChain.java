package tech.aiqem.chimera.wallet.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

import tech.aiqem.chimera.model.Network;

/** One network over JSON-RPC: USDC and ETH balances, nonces, gas price, raw transactions, receipts. */
public final class EvmChain implements AutoCloseable {

	private final Network network;

	private final NetworkSettings settings;

	private final Web3j web3j;

	private volatile boolean chainIdVerified;

	public EvmChain(Network network, NetworkSettings settings) {
		this.network = network;
		this.settings = settings;
		this.web3j = Web3j.build(new HttpService(settings.rpcUrl()));
	}

	public Network network() {
		return this.network;
	}

	public NetworkSettings settings() {
		return this.settings;
	}

	/** ERC-20 {@code transfer(to, units)} call data. */
	public static String transferData(String to, BigInteger units) {
		return FunctionEncoder.encode(new Function("transfer", List.of(new Address(to), new Uint256(units)),
				List.of(new TypeReference<Bool>() {
				})));
	}

	public BigInteger usdcUnits(String address) {
		Function balanceOf = new Function("balanceOf", List.of(new Address(address)),
				List.of(new TypeReference<Uint256>() {
				}));
		String result = call(this.web3j.ethCall(Transaction.createEthCallTransaction(address,
				this.settings.usdcAddress(), FunctionEncoder.encode(balanceOf)), DefaultBlockParameterName.LATEST))
			.getValue();
		@SuppressWarnings("rawtypes")
		List<Type> decoded = FunctionReturnDecoder.decode(result, balanceOf.getOutputParameters());
		if (decoded.isEmpty()) {
			throw new IllegalStateException("USDC contract " + this.settings.usdcAddress() + " on " + this.network.wire()
					+ " returned no balance: is it deployed there?");
		}
		return (BigInteger) decoded.get(0).getValue();
	}

	public BigInteger weiBalance(String address) {
		return call(this.web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST)).getBalance();
	}

	public BigInteger gasPrice() {
		return call(this.web3j.ethGasPrice()).getGasPrice();
	}

	/** The next nonce for an address, counting its transactions waiting in the node's pool. */
	public BigInteger pendingNonce(String address) {
		return call(this.web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)).getTransactionCount();
	}

	/**
	 * Broadcasts a signed transaction.
	 * @throws RejectedTransactionException when the node refuses it
	 * @throws UncheckedIOException when the node cannot be reached (it may or may not have the transaction)
	 */
	public String sendRaw(String signedHex) {
		EthSendTransaction sent;
		try {
			sent = this.web3j.ethSendRawTransaction(signedHex).send();
		}
		catch (IOException ex) {
			throw unreachable(ex);
		}
		if (sent.hasError()) {
			throw new RejectedTransactionException(sent.getError().getMessage());
		}
		return sent.getTransactionHash();
	}

	public Optional<TransactionReceipt> receipt(String hash) {
		return call(this.web3j.ethGetTransactionReceipt(hash)).getTransactionReceipt();
	}

	/** Whether the node knows the transaction at all (pending or mined). */
	public boolean knows(String hash) {
		return call(this.web3j.ethGetTransactionByHash(hash)).getTransaction().isPresent();
	}

	/** Refuses to sign for a node of another chain than configured (a mis-pointed RPC URL). */
	public void verifyChainId() {
		if (this.chainIdVerified) {
			return;
		}
		BigInteger actual = call(this.web3j.ethChainId()).getChainId();
		if (actual.longValueExact() != this.settings.chainId()) {
			throw new IllegalStateException("network " + this.network.wire() + " is configured with chain-id "
					+ this.settings.chainId() + " but its RPC endpoint " + this.settings.redactedRpcUrl() + " serves chain "
					+ actual);
		}
		this.chainIdVerified = true;
	}

	Web3j web3j() {
		return this.web3j;
	}

	private <T extends Response<?>> T call(org.web3j.protocol.core.Request<?, T> request) {
		T response;
		try {
			response = request.send();
		}
		catch (IOException ex) {
			throw unreachable(ex);
		}
		if (response.hasError()) {
			throw new IllegalStateException(request.getMethod() + " on " + this.network.wire() + " failed: "
					+ response.getError().getMessage());
		}
		return response;
	}

	private UncheckedIOException unreachable(IOException ex) {
		return new UncheckedIOException("RPC endpoint " + this.settings.redactedRpcUrl() + " of network "
				+ this.network.wire() + " unreachable: " + ex.getMessage(), ex);
	}

	@Override
	public void close() {
		this.web3j.shutdown();
	}
}
