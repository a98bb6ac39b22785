package tech.aiqem.chimera.model;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a campaign; on the wire and in the database it is the bare UUID. */
public record CampaignId(UUID value) {

	public CampaignId {
		Objects.requireNonNull(value, "campaign id");
	}

	@JsonCreator
	public static CampaignId of(String value) {
		return new CampaignId(Ids.parse("campaign", value));
	}

	public static CampaignId random() {
		return new CampaignId(UUID.randomUUID());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}
}
