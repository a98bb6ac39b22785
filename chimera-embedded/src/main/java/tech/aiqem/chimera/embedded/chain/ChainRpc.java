package tech.aiqem.chimera.embedded.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** The local chain's JSON-RPC as {@link LocalChain} needs it: nonces, gas price, signed sends, receipts, mining. */
final class ChainRpc implements AutoCloseable {

	private final String url;

	private final long chainId;

	private final Web3j web3j;

	ChainRpc(String url, long chainId) {
		this.url = url;
		this.chainId = chainId;
		this.web3j = Web3j.build(new HttpService(url));
	}

	/** The chain id the node serves; {@link UncheckedIOException} while it does not answer yet. */
	long servedChainId() {
		return call(this.web3j.ethChainId()).getChainId().longValueExact();
	}

	BigInteger gasPrice() {
		return call(this.web3j.ethGasPrice()).getGasPrice();
	}

	BigInteger pendingNonce(String address) {
		return call(this.web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)).getTransactionCount();
	}

	/** Signs for this chain and broadcasts; the transaction hash. */
	String send(RawTransaction transaction, Credentials signer) {
		byte[] signed = TransactionEncoder.signMessage(transaction, this.chainId, signer);
		EthSendTransaction sent = call(this.web3j.ethSendRawTransaction(Numeric.toHexString(signed)));
		return sent.getTransactionHash();
	}

	TransactionReceipt awaitReceipt(String hash) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			Optional<TransactionReceipt> receipt = call(this.web3j.ethGetTransactionReceipt(hash)).getTransactionReceipt();
			if (receipt.isPresent()) {
				return receipt.get();
			}
			LocalChain.pause(50);
		}
		throw new IllegalStateException("transaction " + hash + " not mined within 30 s (is mining stopped?)");
	}

	/** A ganache method without parameters, e.g. {@code miner_stop}. */
	void ganache(String method) {
		try {
			String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.url))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
				throw new IllegalStateException(method + " failed: " + response.body());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private <T extends Response<?>> T call(Request<?, T> request) {
		T response;
		try {
			response = request.send();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("local chain at " + this.url + " unreachable: " + ex.getMessage(), ex);
		}
		if (response.hasError()) {
			throw new IllegalStateException(request.getMethod() + " failed: " + response.getError().getMessage());
		}
		return response;
	}

	@Override
	public void close() {
		this.web3j.shutdown();
	}
}
