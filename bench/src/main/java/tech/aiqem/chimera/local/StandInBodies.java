package tech.aiqem.chimera.local;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * The stand-ins' precomputed bodies and the few string operations that fill them ({@link HostedAnswers}):
 * field names and shapes are those of the hosted APIs' documented responses; values are illustrative.
 */
final class StandInBodies {

	/** What an image download returns: a small PNG, made once (a real Ideogram image is ~1–2 MB). */
	static final byte[] PNG = png(64, 80);

	static final String PNG_RESOLUTION = "64x80";

	static final byte[] X_EMPTY_TIMELINE = "{\"meta\":{\"result_count\":0}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	static final String X_UNAUTHORIZED = "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}";

	static final String X_INVALID_REQUEST = "{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
			+ "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}";

	static final String X_NOT_FOUND = "{\"title\":\"Not Found Error\",\"detail\":\"no stand-in for this endpoint\","
			+ "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}";

	static final String WEAVIATE_META = "{\"hostname\":\"http://[::]:8080\",\"modules\":{\"text2vec-openai\":{\"documentationHref\":"
			+ "\"https://platform.openai.com/docs/guides/embeddings\",\"name\":\"OpenAI Module\"}},\"version\":\"1.28.2\"}";

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern MEMORY_TYPE = Pattern.compile("valueText:\\s*\\\\?\"(conversation|learning|persona_update)\\\\?\"");

	private static final Pattern OBJECT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final Pattern TENANT = Pattern.compile("\"tenant\"\\s*:\\s*\"([^\"]*)\"");

	private StandInBodies() {
	}

	/** {@code data.Get.AgentMemory} with two memories; {@code %AGENT%} and {@code %TYPE%} filled per query. */
	static String memories(Instant rememberedAt) {
		String item = "{\"agentId\":\"%%AGENT%%\",\"memoryType\":\"%%TYPE%%\",\"content\":\"%s\",\"context\":{\"platform\":\"twitter\"},"
				+ "\"importance\":%s,\"timestamp\":\"" + rememberedAt + "\",\"_additional\":{\"id\":\"%s\",\"distance\":%s}}";
		return "{\"data\":{\"Get\":{\"AgentMemory\":["
				+ item.formatted("Followers loved the behind-the-scenes photos from the studio fitting.", "0.7",
						"6f1c2a7e-3b51-4c1e-9a55-0d2f8e1b7c01", "0.1542")
				+ "," + item.formatted("Posts about summer fabrics did better in the evening than in the morning.", "0.5",
						"6f1c2a7e-3b51-4c1e-9a55-0d2f8e1b7c02", "0.1868")
				+ "]}}}";
	}

	/**
	 * The answer to a {@code Get} query: the memories of the agent its where filter names (of its memory type
	 * when it filters one), none when it names no agent.
	 */
	static String graphql(String request, String memories) {
		int agentPath = request.indexOf("agentId");
		Matcher agent = UUID.matcher(request);
		if (agentPath < 0 || !agent.find(agentPath)) {
			return "{\"data\":{\"Get\":{\"AgentMemory\":[]}}}";
		}
		Matcher type = MEMORY_TYPE.matcher(request);
		return memories.replace("%AGENT%", agent.group()).replace("%TYPE%", type.find() ? type.group(1) : "learning");
	}

	/** One {@code SUCCESS} result per object of a batch, with its id and tenant (properties are not echoed). */
	static String batchResults(String request) {
		StringBuilder out = new StringBuilder("[");
		Matcher id = OBJECT_ID.matcher(request);
		Matcher tenant = TENANT.matcher(request);
		long now = System.currentTimeMillis();
		while (id.find()) {
			String name = tenant.find() ? tenant.group(1) : "";
			out.append(out.length() > 1 ? "," : "").append("{\"class\":\"AgentMemory\",\"id\":\"").append(id.group(1))
				.append("\",\"tenant\":\"").append(name).append("\",\"creationTimeUnix\":").append(now)
				.append(",\"lastUpdateTimeUnix\":").append(now).append(",\"result\":{\"status\":\"SUCCESS\"}}");
		}
		return out.append(']').toString();
	}

	/** A top-level JSON string field's literal, quotes and escapes as sent (so it can be echoed), or null. */
	static String jsonStringField(String json, String field) {
		int key = json.indexOf("\"" + field + "\"");
		int start = key < 0 ? -1 : json.indexOf('"', json.indexOf(':', key + field.length() + 2));
		if (start < 0) {
			return null;
		}
		for (int i = start + 1; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return json.substring(start, i + 1);
			}
		}
		return null;
	}

	/** A text part of a multipart/form-data body, or null. */
	static String formField(String form, String name) {
		int header = form.indexOf("name=\"" + name + "\"\r\n");
		int start = header < 0 ? -1 : form.indexOf("\r\n\r\n", header);
		int end = start < 0 ? -1 : form.indexOf("\r\n--", start + 4);
		return end < 0 ? null : form.substring(start + 4, end);
	}

	/** A JSON string literal. */
	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}

	private static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, new Color(200 - y, 120 + x, 90).getRGB());
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
