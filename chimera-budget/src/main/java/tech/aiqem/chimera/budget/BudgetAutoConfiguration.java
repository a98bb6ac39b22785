package tech.aiqem.chimera.budget;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.ledger.Ledger;

/** The spend guard, for every service with a database (they all have Redis). */
@AutoConfiguration(after = { ChimeraInfraAutoConfiguration.class, DataSourceAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(BudgetProperties.class)
public class BudgetAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpendGuard spendGuard(Redis redis, DataSource dataSource, BudgetProperties properties, Clock clock) {
		return create(redis, new JdbcTemplate(dataSource), properties, clock);
	}

	/** A guard outside Spring (tests, tools); in a service, inject the bean. */
	public static SpendGuard create(Redis redis, JdbcTemplate jdbc, BudgetProperties properties, Clock clock) {
		return new SpendGuard(new SpendTracker(redis), new BudgetStore(jdbc, Ledger.on(jdbc.getDataSource()).incidents(),
				properties.defaultDailyUsd()), clock);
	}
}
