package tech.aiqem.chimera.wallet;

import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.wallet.chain.NetworkSettings;

/** One ganache (chimera-embedded's LocalChain) for the whole test JVM: it stops with the JVM, through its shutdown hook. */
public final class SharedChain {

	private static LocalChain chain;

	private SharedChain() {
	}

	public static synchronized LocalChain get() {
		if (chain == null || !chain.isRunning()) {
			chain = LocalChain.start();
		}
		return chain;
	}

	/** The wallet's settings for a network served by the local chain. */
	public static NetworkSettings networkSettings(LocalChain chain) {
		return new NetworkSettings(chain.rpcUrl(), chain.usdcAddress(), chain.chainId(), 100_000);
	}
}
