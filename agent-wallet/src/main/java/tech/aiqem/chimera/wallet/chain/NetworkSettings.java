package tech.aiqem.chimera.wallet.chain;

/**
 * How to reach one network.
 * @param rpcUrl JSON-RPC endpoint; may carry a provider's API key, so it is never logged whole
 * @param usdcAddress the USDC contract
 * @param chainId EIP-155 chain id the transactions are signed for
 * @param gasLimit gas allowed for one USDC transfer
 */
public record NetworkSettings(String rpcUrl, String usdcAddress, long chainId, long gasLimit) {

	public NetworkSettings {
		if (rpcUrl == null || !rpcUrl.matches("^https?://.+")) {
			throw new IllegalArgumentException("rpc-url must be an http(s) URL");
		}
		if (usdcAddress == null || !usdcAddress.matches("^0x[a-fA-F0-9]{40}$")) {
			throw new IllegalArgumentException("usdc-address must be 0x followed by 40 hex digits, got " + usdcAddress);
		}
		if (chainId <= 0) {
			throw new IllegalArgumentException("chain-id must be positive, got " + chainId);
		}
		if (gasLimit < 21000) {
			throw new IllegalArgumentException("gas-limit must be at least 21000, got " + gasLimit);
		}
	}

	/** The endpoint without path or query, where API keys usually sit. */
	public String redactedRpcUrl() {
		return redact(this.rpcUrl);
	}

	static String redact(String url) {
		try {
			java.net.URI uri = java.net.URI.create(url);
			return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
		}
		catch (IllegalArgumentException ex) {
			return "(unparseable URL)";
		}
	}

	@Override
	public String toString() {
		return "NetworkSettings[rpcUrl=" + redactedRpcUrl() + ", usdcAddress=" + this.usdcAddress + ", chainId="
				+ this.chainId + ", gasLimit=" + this.gasLimit + "]";
	}
}
