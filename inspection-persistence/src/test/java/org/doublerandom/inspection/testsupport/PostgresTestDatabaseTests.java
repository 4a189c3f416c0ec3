package org.doublerandom.inspection.testsupport;

import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTestDatabaseTests {

	@Test
	void servesPostgresql17() throws Exception {
		var c = PostgresTestDatabase.connection();
		try (var conn = DriverManager.getConnection(c.jdbcUrl(), c.username(), c.password());
				var rs = conn.createStatement().executeQuery("show server_version_num")) {
			rs.next();
			assertThat(rs.getInt(1) / 10000).isEqualTo(17);
		}
	}

}
