package tech.aiqem.chimera.orchestrator.auth;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.model.Role;
import tech.aiqem.chimera.orchestrator.system.OrchestratorProperties;

/**
 * First start: the {@code default} tenant, and, while the database has no user, an administrator from
 * {@code CHIMERA_ADMIN_EMAIL} / {@code CHIMERA_ADMIN_PASSWORD}. Without a password it creates nobody and
 * says how to; it never logs the password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	static final String DEFAULT_TENANT = "default";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Users users;

	private final PasswordEncoder passwords;

	private final OrchestratorProperties.Auth auth;

	private final Clock clock;

	AdminBootstrap(Users users, PasswordEncoder passwords, OrchestratorProperties properties, RealTime realTime) {
		this.users = users;
		this.passwords = passwords;
		this.auth = properties.auth();
		this.clock = realTime.clock();
	}

	@Override
	public void run(ApplicationArguments args) {
		UUID tenant = this.users.tenant(DEFAULT_TENANT);
		if (this.users.count() > 0) {
			return;
		}
		String password = this.auth.adminPassword();
		if (password == null || password.isEmpty()) {
			log.warn("No user exists and CHIMERA_ADMIN_PASSWORD is not set: set CHIMERA_ADMIN_PASSWORD (and optionally "
					+ "CHIMERA_ADMIN_EMAIL, default admin@chimera.local) and restart to create the first administrator");
			return;
		}
		String problem = Passwords.problem(password);
		if (problem != null) {
			throw new IllegalStateException("CHIMERA_ADMIN_PASSWORD " + problem);
		}
		try {
			this.users.insert(UUID.randomUUID(), tenant, this.auth.adminEmail(), "Administrator",
					this.passwords.encode(password), Role.ADMIN, this.clock.instant());
			log.info("Created administrator {} in tenant '{}'", this.auth.adminEmail(), DEFAULT_TENANT);
		}
		catch (DuplicateKeyException ex) {
			// Another orchestrator instance created it at the same moment.
		}
	}
}
