package tech.aiqem.chimera.tools.platform;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tech.aiqem.chimera.model.Platform;

/** The adapter configured for each platform. */
public final class SocialPlatforms {

	private final Map<Platform, SocialPlatform> adapters = new EnumMap<>(Platform.class);

	public SocialPlatforms(List<SocialPlatform> adapters) {
		for (SocialPlatform adapter : adapters) {
			this.adapters.put(adapter.platform(), adapter);
		}
		for (Platform platform : Platform.values()) {
			if (!this.adapters.containsKey(platform)) {
				throw new IllegalStateException("no adapter configured for platform " + platform.wire());
			}
		}
	}

	public SocialPlatform get(Platform platform) {
		return this.adapters.get(platform);
	}
}
