package tech.aiqem.chimera.orchestrator.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.CampaignSchedule;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;
import tech.aiqem.chimera.orchestrator.system.Listing;

@RestController
@RequestMapping("/v1/campaigns")
class CampaignController {

	private final Campaigns campaigns;

	private final Clock clock;

	CampaignController(Campaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	/**
	 * {@code POST /v1/campaigns} (docs/architecture.md §12.1): answers 201 with the campaign id, status, estimated
	 * posts and start; the planner takes it from here.
	 */
	@Operation(summary = "Start a campaign for an active agent",
			description = "The posts per day come from the goals; the planner takes it from here.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CampaignCreated create(CurrentTenant tenant, @Valid @RequestBody CampaignRequests.Create request) {
		boolean active;
		try {
			active = this.campaigns.agentIsActive(tenant.id(), new AgentId(request.agentId()));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.notFound("agent", request.agentId());
		}
		if (!active) {
			throw ApiException.conflict("agent " + request.agentId() + " is not active; resume it first");
		}
		Instant start = this.clock.instant();
		CampaignSchedule schedule = new CampaignSchedule(start, request.durationDays(),
				CampaignSchedule.postsPerDayIn(request.goals()));
		CampaignId id = CampaignId.random();
		this.campaigns.insert(tenant.id(), id, request, schedule);
		return new CampaignCreated(id, "active", schedule.estimatedPosts(), start, schedule.end(), schedule.postsPerDay());
	}

	@Operation(summary = "The tenant's campaigns, optionally one agent's")
	@GetMapping
	Listing<CampaignView> list(CurrentTenant tenant, @RequestParam(name = "agent_id", required = false) UUID agentId,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > 500) {
			throw ApiException.invalid("limit", "must be between 1 and 500");
		}
		List<CampaignView> items = this.campaigns.list(tenant.id(), agentId, limit, Math.max(0, offset));
		return Listing.of(items);
	}

	@Operation(summary = "One campaign, with its tasks by status")
	@GetMapping("/{campaignId}")
	CampaignView get(CurrentTenant tenant, @PathVariable UUID campaignId) {
		return this.campaigns.find(tenant.id(), new CampaignId(campaignId))
			.orElseThrow(() -> ApiException.notFound("campaign", campaignId));
	}

	@Operation(summary = "Change a campaign's name, goals or budgets")
	@PatchMapping("/{campaignId}")
	CampaignView update(CurrentTenant tenant, @PathVariable UUID campaignId,
			@Valid @RequestBody CampaignRequests.Update update) {
		if (update.name() == null && update.goals() == null && update.budgetDailyUsd() == null
				&& update.budgetTotalUsd() == null) {
			throw ApiException.invalid("body", "nothing to change: give name, goals, budget_daily_usd or budget_total_usd");
		}
		if (!this.campaigns.update(tenant.id(), new CampaignId(campaignId), update, this.clock.instant())) {
			throw ApiException.notFound("campaign", campaignId);
		}
		return get(tenant, campaignId);
	}

	@Operation(summary = "Pause an active campaign")
	@PostMapping("/{campaignId}/pause")
	CampaignView pause(CurrentTenant tenant, @PathVariable UUID campaignId) {
		return move(tenant, campaignId, "paused", "paused by " + tenant.actor());
	}

	@Operation(summary = "Resume a paused campaign")
	@PostMapping("/{campaignId}/resume")
	CampaignView resume(CurrentTenant tenant, @PathVariable UUID campaignId) {
		return move(tenant, campaignId, "active", null);
	}

	private CampaignView move(CurrentTenant tenant, UUID campaignId, String status, String reason) {
		String now = this.campaigns.setStatus(tenant.id(), new CampaignId(campaignId), status, reason, this.clock.instant())
			.orElseThrow(() -> ApiException.notFound("campaign", campaignId));
		if (!now.equals(status)) {
			throw ApiException.conflict("campaign " + campaignId + " is " + now + " and cannot become " + status);
		}
		return get(tenant, campaignId);
	}
}
