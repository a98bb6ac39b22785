package tech.aiqem.chimera.embedded.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the chain's npm packages from its lockfile ({@code npm ci}) when {@code node_modules} lacks
 * them; nothing is fetched but from the npm registry.
 */
final class NpmInstall {

	private static final Logger log = LoggerFactory.getLogger(NpmInstall.class);

	private NpmInstall() {
	}

	static void ifNeeded(Path dir) {
		if (installed(dir)) {
			return;
		}
		// Another JVM (a parallel build) may be installing too: one at a time, and re-check after waiting.
		try (FileChannel channel = FileChannel.open(dir.resolve(".npm-ci.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (installed(dir)) {
				return;
			}
			log.info("Installing the local chain's npm packages in {} (npm ci)", dir);
			Path npmLog = Files.createTempFile("chimera-npm-ci-", ".log");
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
				.directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(npmLog.toFile())
				.start();
			if (!npm.waitFor(10, TimeUnit.MINUTES)) {
				npm.destroyForcibly();
				throw new IllegalStateException("npm ci in " + dir + " took over 10 minutes; log: " + npmLog);
			}
			if (npm.exitValue() != 0 || !installed(dir)) {
				throw new IllegalStateException("npm ci in " + dir + " failed (" + npm.exitValue() + "): "
						+ Files.readString(npmLog));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run npm ci in " + dir + " (is npm installed?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean installed(Path dir) {
		return Files.isRegularFile(dir.resolve("node_modules/ganache/dist/node/cli.js"))
				&& Files.isRegularFile(dir.resolve("node_modules/solc/package.json"));
	}
}
