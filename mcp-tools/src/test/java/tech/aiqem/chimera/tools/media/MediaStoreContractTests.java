package tech.aiqem.chimera.tools.media;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link MediaStore} adapter must do; each adapter's test extends this. */
abstract class MediaStoreContractTests {

	abstract MediaStore store();

	@Test
	void storesAndReadsBackBytesAndType() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 };
		store().put("images/contract-1.png", png, "image/png");
		MediaStore.MediaObject object = store().get("images/contract-1.png").orElseThrow();
		assertThat(object.content()).isEqualTo(png);
		assertThat(object.contentType()).isEqualTo("image/png");
	}

	@Test
	void overwritingReplacesTheObject() {
		store().put("notes/contract-2.txt", "one".getBytes(StandardCharsets.UTF_8), "text/plain");
		store().put("notes/contract-2.txt", "two".getBytes(StandardCharsets.UTF_8), "text/plain");
		assertThat(new String(store().get("notes/contract-2.txt").orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("two");
	}

	@Test
	void aMissingKeyIsEmpty() {
		assertThat(store().get("images/never-stored.png")).isEmpty();
	}

	@Test
	void refusesKeysThatEscape() {
		assertThatThrownBy(() -> store().put("../etc/passwd", new byte[1], "text/plain")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store().get("/absolute")).isInstanceOf(IllegalArgumentException.class);
	}
}
