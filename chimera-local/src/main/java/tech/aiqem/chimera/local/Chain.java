package tech.aiqem.chimera.local;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.model.ChimeraJson;

/** Reads balances the way any third party would: a raw JSON-RPC {@code eth_call} of ERC-20 {@code balanceOf}. */
public final class Chain {

	private Chain() {
	}

	/** The USDC balance of an address in base units (6 decimals). */
	public static long usdc(LocalChain chain, String address) throws Exception {
		String data = "0x70a08231" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"" + chain.usdcAddress()
				+ "\",\"data\":\"" + data + "\"},\"latest\"]}";
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(chain.rpcUrl())).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		String hex = ChimeraJson.tree(response.body()).get("result").asString().substring(2);
		return hex.isEmpty() ? 0 : new BigInteger(hex, 16).longValueExact();
	}
}
