package tech.aiqem.chimera.embedded.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;

import tech.aiqem.chimera.embedded.FreePorts;

/**
 * A real local EVM chain, next to the embedded PostgreSQL and Redis: ganache (npm {@code ganache@7.9.2},
 * deterministic accounts, chain id 1337) started from {@code agent-wallet/chain} (installed there with
 * {@code npm ci} when {@code node_modules} is missing) on a free loopback port, with the test USDC token
 * deployed. It funds wallets with ETH and USDC, and stops with {@link #close()} or, at the latest, when the
 * JVM exits. For tests and the launcher only: no service ships it.
 */
public final class LocalChain implements AutoCloseable {

	public static final long CHAIN_ID = 1337;

	/**
	 * Ganache's first deterministic account (mnemonic "myth like bonus scare ..."), a publicly known test
	 * key holding 1000 ETH on every {@code --deterministic} ganache: it deploys the token and funds wallets.
	 */
	private static final String DEPLOYER_KEY = "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";

	private static final Logger log = LoggerFactory.getLogger(LocalChain.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final Thread shutdownHook;

	private final String rpcUrl;

	private final Path logFile;

	private final ChainRpc chain;

	private final Credentials deployer = Credentials.create(DEPLOYER_KEY);

	private String usdcAddress;

	private LocalChain(Process process, String rpcUrl, Path logFile) {
		this.process = process;
		this.rpcUrl = rpcUrl;
		this.logFile = logFile;
		this.shutdownHook = new Thread(() -> {
			// The log first: the JVM may be halted while ganache is still winding down.
			deleteLog();
			stopProcess();
		}, "stop-local-chain");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		this.chain = new ChainRpc(rpcUrl, CHAIN_ID);
	}

	/** Starts a chain from the repository's {@code agent-wallet/chain} directory (see {@link #locate()}). */
	public static LocalChain start() {
		return start(locate());
	}

	public static LocalChain start(Path chainDirectory) {
		NpmInstall.ifNeeded(chainDirectory);
		int port = FreePorts.next();
		Path logFile;
		Process process;
		try {
			logFile = Files.createTempFile("ganache-" + port + "-", ".log");
			Path cli = chainDirectory.resolve("node_modules/ganache/dist/node/cli.js");
			process = new ProcessBuilder("node", cli.toString(), "--deterministic", "--chain.chainId",
					String.valueOf(CHAIN_ID), "--server.host", "127.0.0.1", "--server.port", String.valueOf(port),
					"--logging.quiet")
				.directory(chainDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start ganache (is node installed?)", ex);
		}
		LocalChain chain = new LocalChain(process, "http://127.0.0.1:" + port, logFile);
		try {
			chain.awaitRpc();
			chain.usdcAddress = chain.deployToken();
		}
		catch (RuntimeException ex) {
			chain.close();
			throw ex;
		}
		log.info("Local chain (ganache, chain id {}) at {}, test USDC at {}", CHAIN_ID, chain.rpcUrl, chain.usdcAddress);
		return chain;
	}

	/**
	 * Where the chain's npm project is: {@code CHIMERA_CHAIN_DIR}, else {@code CHIMERA_REPO_ROOT}'s
	 * {@code agent-wallet/chain}, else the nearest one above the working directory.
	 */
	public static Path locate() {
		String configured = System.getenv("CHIMERA_CHAIN_DIR");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		List<Path> candidates = new ArrayList<>();
		String root = System.getenv("CHIMERA_REPO_ROOT");
		if (root != null && !root.isBlank()) {
			candidates.add(Path.of(root, "agent-wallet", "chain"));
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			candidates.add(dir.resolve("agent-wallet").resolve("chain"));
			candidates.add(dir.resolve("chain"));
		}
		return candidates.stream()
			.filter(dir -> Files.isRegularFile(dir.resolve("package.json")) && Files.isDirectory(dir.resolve("contracts")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("agent-wallet/chain not found; set CHIMERA_CHAIN_DIR"))
			.toAbsolutePath();
	}

	public String rpcUrl() {
		return this.rpcUrl;
	}

	public String usdcAddress() {
		return this.usdcAddress;
	}

	public long chainId() {
		return CHAIN_ID;
	}

	/** Sends ETH (for gas) and mints USDC to an address, and waits until both are mined. */
	public synchronized void fund(String address, BigDecimal eth, BigDecimal usdc) {
		BigInteger gasPrice = this.chain.gasPrice();
		BigInteger nonce = this.chain.pendingNonce(this.deployer.getAddress());
		List<String> hashes = new ArrayList<>();
		if (eth.signum() > 0) {
			BigInteger wei = Convert.toWei(eth, Convert.Unit.ETHER).toBigIntegerExact();
			hashes.add(this.chain.send(RawTransaction.createEtherTransaction(nonce, gasPrice, BigInteger.valueOf(21_000),
					address, wei), this.deployer));
			nonce = nonce.add(BigInteger.ONE);
		}
		if (usdc.signum() > 0) {
			String mint = FunctionEncoder.encode(new Function("mint",
					List.of(new Address(address), new Uint256(usdc.movePointRight(6).toBigIntegerExact())), List.of()));
			hashes.add(this.chain.send(RawTransaction.createTransaction(nonce, gasPrice, BigInteger.valueOf(100_000),
					this.usdcAddress, mint), this.deployer));
		}
		for (String hash : hashes) {
			TransactionReceipt receipt = this.chain.awaitReceipt(hash);
			if (!receipt.isStatusOK()) {
				throw new IllegalStateException("funding " + address + " failed on chain: " + hash);
			}
		}
	}

	/** Stops mining: transactions stay pending until {@link #startMining()} (for receipt tests). */
	public void stopMining() {
		this.chain.ganache("miner_stop");
	}

	public void startMining() {
		this.chain.ganache("miner_start");
	}

	private String deployToken() {
		BigInteger nonce = this.chain.pendingNonce(this.deployer.getAddress());
		String hash = this.chain.send(RawTransaction.createContractTransaction(nonce, this.chain.gasPrice(),
				BigInteger.valueOf(3_000_000), BigInteger.ZERO, TestUsdcArtifact.bytecode()), this.deployer);
		TransactionReceipt receipt = this.chain.awaitReceipt(hash);
		if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
			throw new IllegalStateException("deploying the test USDC token failed: " + receipt);
		}
		return Keys.toChecksumAddress(receipt.getContractAddress());
	}

	private void awaitRpc() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("ganache exited with " + this.process.exitValue() + ": " + logTail());
			}
			try {
				long served = this.chain.servedChainId();
				if (served != CHAIN_ID) {
					throw new IllegalStateException("ganache serves chain " + served + ", not " + CHAIN_ID);
				}
				return;
			}
			catch (UncheckedIOException notYet) {
				pause(100);
			}
		}
		throw new IllegalStateException("ganache did not answer within " + START_TIMEOUT + ": " + logTail());
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.logFile);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void stopProcess() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/** Whether the ganache process is still running. */
	public boolean isRunning() {
		return this.process.isAlive();
	}

	@Override
	public void close() {
		this.chain.close();
		stopProcess();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException alreadyShuttingDown) {
			// The hook is running or has run: nothing left to undo.
		}
		deleteLog();
	}

	private void deleteLog() {
		try {
			Files.deleteIfExists(this.logFile);
		}
		catch (IOException ignored) {
			// A leftover log in the temp directory is harmless.
		}
	}
}
