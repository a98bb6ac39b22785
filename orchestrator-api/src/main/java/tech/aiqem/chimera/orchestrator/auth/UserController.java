package tech.aiqem.chimera.orchestrator.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
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
import tech.aiqem.chimera.orchestrator.system.Listing;

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

	@Operation(summary = "Add a dashboard user to the tenant")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CreatedUser create(CurrentTenant tenant, @Valid @RequestBody AuthRequests.CreateUser request) {
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
		return new CreatedUser(id, email, displayName, request.role(), tenant.id().value(), now);
	}

	@Operation(summary = "The tenant's dashboard users")
	@GetMapping
	Listing<Users.UserView> list(CurrentTenant tenant) {
		return Listing.of(this.users.list(tenant.id()));
	}

	record CreatedUser(UUID id, String email, String displayName, String role, UUID tenantId, Instant createdAt) {
	}
}
