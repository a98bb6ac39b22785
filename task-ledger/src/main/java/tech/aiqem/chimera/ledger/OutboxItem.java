package tech.aiqem.chimera.ledger;

import java.util.UUID;

import tech.aiqem.chimera.model.CampaignStatus;
import tech.aiqem.chimera.model.TaskStatus;
import tech.aiqem.chimera.model.message.Publication;

/**
 * A claimed outbox item with what decides whether it may still go out: the task's state, the goals
 * revision it was planned against and the campaign's current one and status.
 */
public record OutboxItem(UUID task, UUID tenant, UUID agent, Publication publication, int attempts,
		TaskStatus taskStatus, int plannedRevision, int campaignRevision, CampaignStatus campaignStatus) {

	/** The campaign's goals changed, or it ended, since the task was planned. */
	public boolean stale() {
		return this.plannedRevision != this.campaignRevision || this.campaignStatus == CampaignStatus.CANCELLED
				|| this.campaignStatus == CampaignStatus.COMPLETED;
	}
}
