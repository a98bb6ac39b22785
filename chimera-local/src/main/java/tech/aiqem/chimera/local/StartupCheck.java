package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the launcher checks and says while it starts: ports taken before anything starts (a clear message
 * at once rather than a readiness timeout minutes later) and the end of a service's log when it fails.
 */
final class StartupCheck {

	private StartupCheck() {
	}

	/** The services whose port is already in use, each with a line saying so; empty when all are free. */
	static List<String> takenPorts(Map<Service, Integer> ports) {
		List<String> problems = new ArrayList<>();
		ports.forEach((service, port) -> {
			if (!free(port)) {
				problems.add("port " + port + " (" + service.label() + ") is already in use: another Chimera still running,"
						+ " or another program (see `ss -ltnp 'sport = :" + port + "'`); stop it or start with --base-port");
			}
		});
		return problems;
	}

	static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The last {@code lines} lines of a log, indented, or a note that there is none. */
	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
			StringBuilder out = new StringBuilder();
			for (String line : last) {
				out.append("    | ").append(line).append('\n');
			}
			return out.isEmpty() ? "    (the log is empty)\n" : out.toString();
		}
		catch (IOException | RuntimeException ex) {
			return "    (no log at " + log + ")\n";
		}
	}
}
