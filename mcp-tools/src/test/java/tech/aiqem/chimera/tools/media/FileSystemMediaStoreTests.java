package tech.aiqem.chimera.tools.media;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class FileSystemMediaStoreTests extends MediaStoreContractTests {

	@TempDir
	Path dir;

	MediaStore store;

	@Override
	MediaStore store() {
		if (this.store == null) {
			this.store = new FileSystemMediaStore(this.dir);
		}
		return this.store;
	}
}
