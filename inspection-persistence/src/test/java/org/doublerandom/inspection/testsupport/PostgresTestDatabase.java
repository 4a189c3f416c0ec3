package org.doublerandom.inspection.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that decides where integration tests get their PostgreSQL 17: a Testcontainers
 * container when a Docker engine answers, otherwise the embedded PostgreSQL binaries from Maven
 * Central. Never H2. One server per test JVM, started on first use and stopped at JVM exit.
 */
public final class PostgresTestDatabase {

	public static final String POSTGRES_IMAGE = "postgres:17";

	private static final Logger LOG = Logger.getLogger(PostgresTestDatabase.class.getName());

	private static volatile Connection connection;

	/** JDBC coordinates of the running test server. */
	public record Connection(String jdbcUrl, String username, String password, String kind) {
	}

	private PostgresTestDatabase() {
	}

	public static Connection connection() {
		Connection c = connection;
		if (c == null) {
			synchronized (PostgresTestDatabase.class) {
				c = connection;
				if (c == null) {
					c = start();
					connection = c;
					LOG.info(() -> "Test PostgreSQL (" + connection.kind() + "): " + connection.jdbcUrl());
				}
			}
		}
		return c;
	}

	private static Connection start() {
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"testcontainers " + POSTGRES_IMAGE);
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; the temporary data directory is removed by the OS eventually
				}
			}, "stop-test-postgres"));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
					"embedded PostgreSQL");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
		}
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("inspection.test.embedded-only")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
