package tech.aiqem.chimera.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
public final class FreePorts {

	private FreePorts() {
	}

	public static int next() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on loopback", ex);
		}
	}

	/**
	 * The first of {@code count} consecutive free ports (a launcher's services take ports in a row). They are
	 * chosen below the kernel's ephemeral range (32768 and up on Linux): between this check and a service's
	 * bind, the machine's outgoing connections take local ports from that range and could take one of ours.
	 */
	public static int consecutive(int count) {
		for (int attempt = 0; attempt < 200; attempt++) {
			int base = java.util.concurrent.ThreadLocalRandom.current().nextInt(20000, 32000 - count);
			boolean free = true;
			for (int i = 0; i < count && free; i++) {
				try (ServerSocket socket = new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress())) {
					socket.setReuseAddress(true);
				}
				catch (IOException ex) {
					free = false;
				}
			}
			if (free) {
				return base;
			}
		}
		throw new IllegalStateException("no " + count + " consecutive free ports on loopback");
	}
}
