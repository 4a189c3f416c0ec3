package org.doublerandom.inspection.shared.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * With no datasource configured, the app runs on an embedded PostgreSQL 17 (binaries from Maven Central)
 * whose data directory survives restarts ({@code ./data/postgres} by default). With
 * {@code spring.datasource.url} set, this stays out of the way.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDatasourceConfiguredCondition.class)
public class EmbeddedPostgresAutoConfiguration {

	static final String DATABASE = "inspection";

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(JdbcConnectionDetails.class)
	EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException, SQLException {
		Path dataDirectory = Path.of(environment.getProperty("inspection.embedded-database.directory", "data/postgres"))
			.toAbsolutePath()
			.normalize();
		Files.createDirectories(dataDirectory);
		int port = environment.getProperty("inspection.embedded-database.port", Integer.class, 0);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			// keep the data: a restart must find yesterday's work
			.setCleanDataDirectory(false)
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				connection.createStatement().execute("create database " + DATABASE + " encoding 'UTF8'");
			}
		}
		LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
		return postgres;
	}

	@Bean
	@ConditionalOnMissingBean(JdbcConnectionDetails.class)
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return null;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

}
