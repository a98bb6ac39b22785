package tech.aiqem.chimera.local;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's own connections to the services' database. It only reads here: every write of a task
 * goes through the task ledger, as the services' writes do.
 */
final class BenchDatabase {

	private BenchDatabase() {
	}

	/** A small pool, so that the load and the figures do not pay a connection per statement. */
	static HikariDataSource pool(String jdbcUrl, String name, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setPoolName("bench-" + name);
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(1);
		return new HikariDataSource(config);
	}

	/** Transactions on the data source: the ledger's statements join them, as in the services. */
	static TransactionTemplate transactions(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static List<UUID> uuids(Connection connection, String sql) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		return ids;
	}
}
