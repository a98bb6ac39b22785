package tech.aiqem.chimera.orchestrator.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.model.Role;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;
import tech.aiqem.chimera.orchestrator.system.Listing;

/** Admins issue and revoke their tenant's API keys; a key is shown once, in the answer to its creation. */
@RestController
@RequestMapping("/v1/api-keys")
class ApiKeyController {

	private final ApiKeys keys;

	private final Clock clock;

	ApiKeyController(ApiKeys keys, RealTime realTime) {
		this.keys = keys;
		this.clock = realTime.clock();
	}

	@Operation(summary = "Issue an API key; the key is in this answer and nowhere else")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CreatedKey create(CurrentTenant tenant, @Valid @RequestBody AuthRequests.CreateApiKey request) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		String name = request.name().strip();
		ApiKeyTokens.NewKey key = ApiKeyTokens.generate();
		try {
			this.keys.insert(id, tenant.id(), name, Role.of(request.role()), key, tenant.actor(), now);
		}
		catch (DuplicateKeyException ex) {
			// 72 random bits of prefix collided: astronomically rare, and a fresh key settles it.
			key = ApiKeyTokens.generate();
			this.keys.insert(id, tenant.id(), name, Role.of(request.role()), key, tenant.actor(), now);
		}
		return new CreatedKey(id, name, request.role(), key.key(), ApiKeyTokens.SCHEME + key.prefix(), now);
	}

	@Operation(summary = "The tenant's API keys, revoked ones included (never the key itself)")
	@GetMapping
	Listing<ApiKeys.KeyView> list(CurrentTenant tenant) {
		return Listing.of(this.keys.list(tenant.id()));
	}

	/** The answer to a creation, the only place the key appears; its toString (what DEBUG logs print) hides it. */
	record CreatedKey(UUID id, String name, String role, String key, String prefix, Instant createdAt) {

		@Override
		public String toString() {
			return "CreatedKey[id=" + this.id + ", name=" + this.name + ", role=" + this.role + ", prefix=" + this.prefix + "]";
		}
	}

	@Operation(summary = "Revoke an API key")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(CurrentTenant tenant, @PathVariable UUID id) {
		if (!this.keys.revoke(tenant.id(), id, this.clock.instant())) {
			throw ApiException.notFound("API key", id);
		}
	}
}
