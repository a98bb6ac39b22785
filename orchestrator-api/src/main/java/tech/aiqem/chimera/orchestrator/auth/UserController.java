package tech.aiqem.chimera.orchestrator.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.model.Role;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

/** Admins add dashboard users to their own tenant. */
@RestController
@RequestMapping("/v1/users")
class UserController {

	private final Users users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	UserController(Users users, PasswordEncoder passwords, RealTime realTime) {
		this.users = users;
		this.passwords = passwords;
		this.clock = realTime.clock();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(CurrentTenant tenant, @Valid @RequestBody AuthRequests.CreateUser request) {
		String problem = Passwords.problem(request.password());
		if (problem != null) {
			throw ApiException.invalid("password", problem);
		}
		String email = request.email().strip();
		if (this.users.emailTaken(email)) {
			throw ApiException.conflict("a user with e-mail " + email + " already exists");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		String displayName = request.displayName() == null || request.displayName().isBlank() ? null
				: request.displayName().strip();
		try {
			this.users.insert(id, tenant.id().value(), email, displayName, this.passwords.encode(request.password()),
					Role.of(request.role()), now);
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.conflict("a user with e-mail " + email + " already exists");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("email", email);
		body.put("display_name", displayName);
		body.put("role", request.role());
		body.put("tenant_id", tenant.id().value());
		body.put("created_at", now);
		return body;
	}

	@GetMapping
	Map<String, Object> list(CurrentTenant tenant) {
		List<Map<String, Object>> items = this.users.list(tenant.id());
		return Map.of("items", items, "count", items.size());
	}
}
