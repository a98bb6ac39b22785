package tech.aiqem.chimera.model;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a tenant; on the wire and in the database it is the bare UUID. */
public record TenantId(UUID value) {

	public TenantId {
		Objects.requireNonNull(value, "tenant id");
	}

	@JsonCreator
	public static TenantId of(String value) {
		return new TenantId(Ids.parse("tenant", value));
	}

	public static TenantId random() {
		return new TenantId(UUID.randomUUID());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}
}
