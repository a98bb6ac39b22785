package tech.aiqem.chimera.orchestrator.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

/**
 * Injects a mention of an agent on the sandbox platform, as if someone had written it: the planner
 * reads it from the mentions resource like any other (untrusted) mention.
 */
@RestController
class MentionController {

	private final JdbcClient jdbc;

	private final Clock clock;

	MentionController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Operation(summary = "Inject a mention of the agent on the sandbox platform, as if someone had written it")
	@PostMapping("/v1/agents/{agentId}/mentions")
	@ResponseStatus(HttpStatus.CREATED)
	InjectedMention inject(CurrentTenant tenant, @PathVariable UUID agentId, @Valid @RequestBody InjectMention request) {
		String account = this.jdbc.sql("""
				SELECT social_accounts->:platform->>'username' FROM agents
				 WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'
				""")
			.param("platform", request.platform())
			.param("tenant", tenant.id().value())
			.param("id", agentId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("agent", agentId));
		if (account == null) {
			throw ApiException.invalid("platform", "the agent has no " + request.platform() + " account");
		}
		Instant now = this.clock.instant();
		String externalId = "sbx-" + UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO sandbox_mentions (agent_id, platform, account, external_id, author, text, created_at, source)
				VALUES (:agent, :platform, :account, :external, :author, :text, :now, 'injected')
				""")
			.param("agent", agentId)
			.param("platform", request.platform())
			.param("account", account)
			.param("external", externalId)
			.param("author", request.author().replaceFirst("^@", ""))
			.param("text", request.text())
			.param("now", Timestamp.from(now))
			.update();
		return new InjectedMention(externalId, request.platform(), account, now);
	}

	/** @param account the agent's handle on that platform, the one mentioned */
	record InjectedMention(String mentionId, String platform, String account, Instant createdAt) {
	}

	record InjectMention(@NotBlank @Pattern(regexp = "twitter|instagram|threads", message = "must be twitter, instagram or threads") String platform,
			@NotBlank @Size(max = 100) @Pattern(regexp = "@?[A-Za-z0-9_.]{1,100}", message = "must be a handle") String author,
			@NotBlank @Size(max = 2000) String text) {
	}
}
