package tech.aiqem.chimera.orchestrator.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the auth endpoints; the ones holding a password never print it. */
final class AuthRequests {

	static final String ROLES = "admin|operator|reviewer";

	static final String ROLE_MESSAGE = "must be admin, operator or reviewer";

	private AuthRequests() {
	}

	record Login(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1000) String password) {

		@Override
		public String toString() {
			return "Login[email=" + this.email + "]";
		}
	}

	record CreateUser(@NotBlank @Email @Size(max = 254) String email, @NotNull String password,
			@NotNull @Pattern(regexp = ROLES, message = ROLE_MESSAGE) String role, @Size(max = 255) String displayName) {

		@Override
		public String toString() {
			return "CreateUser[email=" + this.email + ", role=" + this.role + "]";
		}
	}

	record CreateApiKey(@NotBlank @Size(max = 100) String name,
			@NotNull @Pattern(regexp = ROLES, message = ROLE_MESSAGE) String role) {
	}
}
