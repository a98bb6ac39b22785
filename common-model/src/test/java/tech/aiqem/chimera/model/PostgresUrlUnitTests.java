package tech.aiqem.chimera.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlUnitTests {

	@Test
	void specificationFormBecomesJdbc() {
		PostgresUrl url = PostgresUrl.parse("postgresql://user:p%40ss@localhost:5432/chimera");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/chimera");
		assertThat(url.username()).isEqualTo("user");
		assertThat(url.password()).isEqualTo("p@ss");
		assertThat(url.toString()).doesNotContain("p@ss");
	}

	@Test
	void jdbcFormPassesThrough() {
		assertThat(PostgresUrl.parse("jdbc:postgresql://db:6543/x?sslmode=require").jdbcUrl())
			.isEqualTo("jdbc:postgresql://db:6543/x?sslmode=require");
	}

	@Test
	void otherSchemesAreRejected() {
		assertThatThrownBy(() -> PostgresUrl.parse("mysql://localhost/x")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("postgresql://user:pass@host:5432/db");
	}
}
