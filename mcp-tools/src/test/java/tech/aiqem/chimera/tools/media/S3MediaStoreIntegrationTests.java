package tech.aiqem.chimera.tools.media;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import tech.aiqem.chimera.tools.NodeTool;
import tech.aiqem.chimera.tools.config.ToolsProperties;

/**
 * The S3 store (AWS SDK v2) against a real local S3-compatible server (npm s3rver, started here with
 * node), with the checksum and chunked-encoding settings such servers need.
 */
class S3MediaStoreIntegrationTests extends MediaStoreContractTests {

	static Process s3rver;

	static S3MediaStore store;

	@BeforeAll
	static void startS3rver() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		s3rver = NodeTool.start("s3.mjs", Integer.toString(port), Files.createTempDirectory("s3rver-").toString());
		BufferedReader out = new BufferedReader(new InputStreamReader(s3rver.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (!"ready".equals(line)) {
			throw new IllegalStateException("s3rver did not start: " + line);
		}
		var s3 = new ToolsProperties.S3("chimera-media", "http://127.0.0.1:" + port, "us-east-1", true, "S3RVER", "S3RVER");
		store = new S3MediaStore(S3ClientFactory.create(s3), "chimera-media");
	}

	@AfterAll
	static void stopS3rver() throws Exception {
		if (s3rver != null) {
			s3rver.destroy();
			s3rver.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Override
	MediaStore store() {
		return store;
	}
}
