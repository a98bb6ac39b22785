package tech.aiqem.chimera.ledger;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The ledger's ports, in every service with a database. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class LedgerAutoConfiguration {

	@Bean
	Ledger ledger(DataSource dataSource) {
		return Ledger.on(dataSource);
	}

	@Bean
	TaskLedger taskLedger(Ledger ledger) {
		return ledger.tasks();
	}

	@Bean
	TaskEvents taskEvents(Ledger ledger) {
		return ledger.events();
	}

	@Bean
	Outbox outbox(Ledger ledger) {
		return ledger.outbox();
	}

	@Bean
	Incidents incidents(Ledger ledger) {
		return ledger.incidents();
	}

	@Bean
	CampaignVersions campaignVersions(Ledger ledger) {
		return ledger.campaigns();
	}
}
