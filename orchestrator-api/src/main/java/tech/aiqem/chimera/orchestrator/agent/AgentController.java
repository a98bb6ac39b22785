package tech.aiqem.chimera.orchestrator.agent;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
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
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulFormatException;
import tech.aiqem.chimera.model.persona.SoulMarkdown;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;
import tech.aiqem.chimera.orchestrator.system.Listing;
import tech.aiqem.chimera.orchestrator.system.OrchestratorProperties;

@RestController
@RequestMapping("/v1/agents")
class AgentController {

	private final Agents agents;

	private final WalletIssuer wallets;

	private final OrchestratorProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AgentController(Agents agents, WalletIssuer wallets, OrchestratorProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.agents = agents;
		this.wallets = wallets;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * {@code POST /v1/agents} (docs/architecture.md §12.1): decodes and validates the SOUL.md, creates the wallet,
	 * answers 201 with the agent.
	 */
	@Operation(summary = "Create an agent from its SOUL.md persona, with a wallet",
			description = "persona_file is the base64 of the SOUL.md; warnings list what the persona lacks (accepted anyway).")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AgentCreated create(CurrentTenant tenant, @Valid @RequestBody CreateAgentRequest request) {
		String soul = decodeSoul(request.personaFile());
		String name = request.name().strip();
		Persona persona;
		try {
			persona = SoulMarkdown.parse(soul, name);
			soul = PersonaSource.named(soul, persona, name);
		}
		catch (SoulFormatException ex) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_persona", ex.getMessage(),
					List.of(new ApiException.FieldProblem("persona_file", ex.getMessage())));
		}
		String stored = soul;
		if (this.agents.nameTaken(tenant.id(), name)) {
			throw ApiException.conflict("an agent named '" + name + "' already exists");
		}
		AgentId id = AgentId.random();
		Map<String, Object> social = new LinkedHashMap<>();
		if (request.socialAccounts() != null) {
			request.socialAccounts().forEach((platform, account) -> social.put(platform, Map.of("username", account.username())));
		}
		BigDecimal daily = request.budget() != null && request.budget().dailyUsd() != null ? request.budget().dailyUsd()
				: this.properties.defaultDailyBudgetUsd();
		BigDecimal total = request.budget() != null ? request.budget().totalUsd() : null;
		WalletIssuer issuer = this.wallets;
		Instant now = this.clock.instant();
		// One transaction: the agent, its wallet (whose key is stored against the agent) and its address.
		String wallet = this.transactions.execute(status -> {
			this.agents.insert(tenant.id(), id, name, stored, persona, social, daily, total, null, now);
			String address = issuer == null ? null : issuer.issue(tenant.id(), id);
			if (address != null) {
				this.agents.setWallet(id, address);
			}
			return address;
		});
		return new AgentCreated(id, name, "active", wallet, now, persona, persona.warnings());
	}

	@Operation(summary = "The tenant's agents, with today's spend and pending reviews")
	@GetMapping
	Listing<AgentView> list(CurrentTenant tenant, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > 500) {
			throw ApiException.invalid("limit", "must be between 1 and 500");
		}
		if (offset < 0) {
			throw ApiException.invalid("offset", "must not be negative");
		}
		List<AgentView> items = this.agents.list(tenant.id(), today(), limit, offset);
		return Listing.of(items);
	}

	@Operation(summary = "One agent")
	@GetMapping("/{agentId}")
	AgentView get(CurrentTenant tenant, @PathVariable UUID agentId) {
		return this.agents.find(tenant.id(), new AgentId(agentId), today())
			.orElseThrow(() -> ApiException.notFound("agent", agentId));
	}

	@Operation(summary = "Pause an agent: it plans and publishes nothing until resumed")
	@PostMapping("/{agentId}/pause")
	AgentView pause(CurrentTenant tenant, @PathVariable UUID agentId) {
		return setStatus(tenant, agentId, "paused", "paused by " + tenant.actor());
	}

	@Operation(summary = "Resume a paused agent")
	@PostMapping("/{agentId}/resume")
	AgentView resume(CurrentTenant tenant, @PathVariable UUID agentId) {
		return setStatus(tenant, agentId, "active", null);
	}

	private AgentView setStatus(CurrentTenant tenant, UUID agentId, String status, String reason) {
		if (!this.agents.setStatus(tenant.id(), new AgentId(agentId), status, reason, this.clock.instant())) {
			throw ApiException.notFound("agent", agentId);
		}
		return get(tenant, agentId);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static String decodeSoul(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("persona_file", "is not valid base64: " + ex.getMessage());
		}
		if (bytes.length > SoulMarkdown.MAX_BYTES) {
			throw ApiException.invalid("persona_file", "the persona file is larger than " + SoulMarkdown.MAX_BYTES / 1024 + " KiB");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiException.invalid("persona_file", "the decoded persona file is not UTF-8 text");
		}
	}
}
