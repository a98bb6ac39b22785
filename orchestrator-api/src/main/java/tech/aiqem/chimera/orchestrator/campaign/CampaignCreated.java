package tech.aiqem.chimera.orchestrator.campaign;

import java.time.Instant;

import tech.aiqem.chimera.model.CampaignId;

/** The answer to {@code POST /v1/campaigns}. */
record CampaignCreated(CampaignId campaignId, String status, int estimatedPosts, Instant startedAt, Instant endsAt,
		int postsPerDay) {
}
