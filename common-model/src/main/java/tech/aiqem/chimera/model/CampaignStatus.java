package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Campaign lifecycle (docs/architecture.md §3 campaigns.status). */
public enum CampaignStatus implements WireEnum {

	ACTIVE("active"),
	PAUSED("paused"),
	COMPLETED("completed"),
	CANCELLED("cancelled");

	private final String wire;

	CampaignStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static CampaignStatus of(String value) {
		return WireEnum.parse(CampaignStatus.class, value);
	}
}
