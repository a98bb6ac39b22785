package tech.aiqem.chimera.wallet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.model.ChimeraJson;

/**
 * A client that shares no code with the module: raw JSON-RPC over java.net.http, to see what the chain
 * says independently of web3j. {@code balanceOf(address)} is selector 0x70a08231 followed by the address
 * left-padded to 32 bytes.
 */
public final class ThirdPartyRpc {

	private final String url;

	private final HttpClient http = HttpClient.newHttpClient();

	public ThirdPartyRpc(String url) {
		this.url = url;
	}

	public BigDecimal usdcBalance(String token, String address) {
		String data = "0x70a08231" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
		String result = call("eth_call", "[{\"to\":\"" + token + "\",\"data\":\"" + data + "\"},\"latest\"]")
			.asString();
		return new BigDecimal(new BigInteger(result.substring(2), 16), 6);
	}

	public JsonNode receipt(String hash) {
		return call("eth_getTransactionReceipt", "[\"" + hash + "\"]");
	}

	private JsonNode call(String method, String params) {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode reply = ChimeraJson.tree(response.body());
			if (reply.has("error")) {
				throw new IllegalStateException(method + ": " + reply.get("error"));
			}
			return reply.get("result");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
