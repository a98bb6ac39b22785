package tech.aiqem.chimera.wallet;

import tech.aiqem.chimera.wallet.chain.LocalChain;

/** One ganache for the whole test JVM (it stops with the JVM, through LocalChain's shutdown hook). */
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
}
