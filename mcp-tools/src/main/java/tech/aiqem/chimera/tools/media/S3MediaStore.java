package tech.aiqem.chimera.tools.media;

import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Media in an S3 bucket (AWS, or an S3-compatible server through an endpoint override). */
public final class S3MediaStore implements MediaStore {

	private final S3Client s3;

	private final String bucket;

	public S3MediaStore(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		this.s3.putObject(PutObjectRequest.builder().bucket(this.bucket).key(MediaStore.checkKey(key)).contentType(contentType)
			.build(), RequestBody.fromBytes(content));
	}

	@Override
	public Optional<MediaObject> get(String key) {
		try {
			ResponseBytes<GetObjectResponse> bytes = this.s3
				.getObjectAsBytes(b -> b.bucket(this.bucket).key(MediaStore.checkKey(key)));
			String type = bytes.response().contentType();
			return Optional.of(new MediaObject(bytes.asByteArray(), type != null ? type : "application/octet-stream"));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}
}
