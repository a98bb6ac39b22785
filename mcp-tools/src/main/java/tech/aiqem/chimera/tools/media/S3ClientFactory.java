package tech.aiqem.chimera.tools.media;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import tech.aiqem.chimera.tools.config.ToolsProperties;

/** Builds the S3 client of the S3 media store from {@code chimera.tools.media.s3}. */
public final class S3ClientFactory {

	private S3ClientFactory() {
	}

	/**
	 * Checksums only when required and no chunked signing: S3-compatible servers (s3rver, some MinIO
	 * versions) otherwise store the chunk signatures inside the object.
	 */
	public static S3Client create(ToolsProperties.S3 s3) {
		var builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.httpClient(UrlConnectionHttpClient.create())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.serviceConfiguration(S3Configuration.builder()
				.pathStyleAccessEnabled(s3.pathStyle())
				.chunkedEncodingEnabled(false)
				.build());
		if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(s3.endpoint()));
		}
		if (s3.accessKeyId() != null && !s3.accessKeyId().isBlank()) {
			builder.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}
}
