package tech.aiqem.chimera.tools.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.image.IdeogramImageGenerator;
import tech.aiqem.chimera.tools.image.ImageGenerator;
import tech.aiqem.chimera.tools.image.OfflineImageRenderer;
import tech.aiqem.chimera.tools.media.FileSystemMediaStore;
import tech.aiqem.chimera.tools.media.MediaStore;
import tech.aiqem.chimera.tools.media.MediaUrls;
import tech.aiqem.chimera.tools.media.S3ClientFactory;
import tech.aiqem.chimera.tools.media.S3MediaStore;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.SocialPlatform;
import tech.aiqem.chimera.tools.platform.SocialPlatforms;
import tech.aiqem.chimera.tools.platform.meta.InstagramPlatform;
import tech.aiqem.chimera.tools.platform.meta.ThreadsPlatform;
import tech.aiqem.chimera.tools.platform.sandbox.SandboxPlatform;
import tech.aiqem.chimera.tools.platform.x.XApiPlatform;

/** Picks each port's adapter from {@link ToolsProperties}; a live adapter without credentials stops start-up. */
@Configuration(proxyBeanMethods = false)
class AdaptersConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AdaptersConfiguration.class);

	@Bean
	HttpClient toolsHttpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	@Bean
	SocialPlatforms socialPlatforms(ToolsProperties properties, JdbcTemplate jdbc, Clock clock, HttpClient http,
			RateLimitBlocks blocks) {
		ToolsProperties.Platforms p = properties.platforms();
		List<SocialPlatform> adapters = new ArrayList<>();
		for (Platform platform : Platform.values()) {
			ToolsProperties.Api api = switch (platform) {
				case TWITTER -> p.twitter();
				case INSTAGRAM -> p.instagram();
				case THREADS -> p.threads();
			};
			if (api.mode() == ToolsProperties.Mode.SANDBOX) {
				adapters.add(new SandboxPlatform(platform, jdbc, clock));
				continue;
			}
			if (api.accessToken() == null && api.accountTokens().isEmpty()) {
				throw new IllegalStateException("chimera.tools.platforms." + platform.wire()
						+ ".mode=live needs an access token (chimera.tools.platforms." + platform.wire() + ".access-token)");
			}
			adapters.add(switch (platform) {
				case TWITTER -> new XApiPlatform(api, http, p.requestTimeout(), blocks, clock);
				case INSTAGRAM -> new InstagramPlatform(api.baseUrl(), api::tokenFor, http, p.requestTimeout(), blocks, clock,
						Duration.ofSeconds(2), 30);
				case THREADS -> new ThreadsPlatform(api.baseUrl(), api::tokenFor, http, p.requestTimeout(), blocks, clock);
			});
		}
		log.info("Social platforms: twitter={}, instagram={}, threads={}", p.twitter(), p.instagram(), p.threads());
		return new SocialPlatforms(adapters);
	}

	@Bean
	MediaStore mediaStore(ToolsProperties properties) {
		ToolsProperties.Media media = properties.media();
		if (media.store() == ToolsProperties.MediaStoreKind.FILESYSTEM) {
			log.info("Media store: filesystem at {}", media.dir().toAbsolutePath());
			return new FileSystemMediaStore(media.dir());
		}
		log.info("Media store: {}", media.s3());
		return new S3MediaStore(S3ClientFactory.create(media.s3()), media.s3().bucket());
	}

	@Bean
	MediaUrls mediaUrls(ToolsProperties properties) {
		return new MediaUrls(properties.media().publicBaseUrl());
	}

	@Bean
	ImageGenerator imageGenerator(ToolsProperties properties, HttpClient http, MediaStore store, Clock clock) {
		ToolsProperties.Images images = properties.images();
		log.info("Image generator: {}", images);
		if (images.provider() == ToolsProperties.ImageProvider.IDEOGRAM) {
			return new IdeogramImageGenerator(images.ideogramBaseUrl(), images.ideogramApiKey(), http, images.timeout(), store,
					clock);
		}
		return new OfflineImageRenderer();
	}
}
