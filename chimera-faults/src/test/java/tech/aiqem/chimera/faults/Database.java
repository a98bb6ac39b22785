package tech.aiqem.chimera.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the system's database from outside, the way an auditor would. */
final class Database {

	private final String jdbcUrl;

	Database(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	long count(String sql) {
		List<String> rows = column(sql);
		return rows.isEmpty() || rows.get(0) == null ? 0 : Long.parseLong(rows.get(0));
	}

	/** The count, or -1 while the database cannot be reached (during a PostgreSQL restart). */
	long countOrUnknown(String sql) {
		try {
			return count(sql);
		}
		catch (IllegalStateException ex) {
			return -1;
		}
	}

	List<String> column(String sql) {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}
}
