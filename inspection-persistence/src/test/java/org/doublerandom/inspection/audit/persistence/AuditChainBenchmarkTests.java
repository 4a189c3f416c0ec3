package org.doublerandom.inspection.audit.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.doublerandom.inspection.audit.AuditChainVerifier;
import org.doublerandom.inspection.audit.ChainVerification;
import org.doublerandom.inspection.testsupport.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not part of the normal build: verifying a chain of {@code inspection.audit.benchmark.events}
 * (default 1,000,000) events in a scratch database. Run with
 * {@code ./mvnw -q -B -ntp -pl inspection-persistence -am verify -Dtest=AuditChainBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dinspection.audit.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "inspection.audit.benchmark", matches = "true")
class AuditChainBenchmarkTests {

	@Test
	void verifyingAMillionEvents() throws Exception {
		int events = Integer.getInteger("inspection.audit.benchmark.events", 1_000_000);
		PostgresTestDatabase.Connection server = PostgresTestDatabase.connection();
		String scratch = "audit_benchmark_" + ProcessHandle.current().pid();
		String url = server.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + scratch);
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + scratch);
			statement.execute("create database " + scratch);
		}
		try {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(url, server.username(), server.password());
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			long start = System.nanoTime();
			// the chain written in one loop with the chain trigger off (the hashes are the same SQL function's)
			jdbc.execute("alter table audit_event disable trigger audit_event_chain");
			jdbc.execute("""
					do $$
					declare
					    prev varchar(64) := repeat('0', 64);
					    h    varchar(64);
					    t    timestamptz := timestamptz '2026-01-01 00:00:00+08';
					begin
					    for i in 1..%d loop
					        h := audit_event_hash(i, t + i * interval '1 millisecond', 'scjg-officer1', 'OFFICER', 1,
					                              'target.edit', 'target', (i %% 5000)::text, 'SUCCESS', '10.0.0.1',
					                              '名称由“演示企业' || i || '”改为“演示企业（新）”', prev);
					        insert into audit_event (occurred_at, actor, actor_roles, department_id, action, object_type,
					                                 object_id, outcome, client_address, detail, seq, prev_hash, hash)
					        values (t + i * interval '1 millisecond', 'scjg-officer1', 'OFFICER', 1, 'target.edit', 'target',
					                (i %% 5000)::text, 'SUCCESS', '10.0.0.1', '名称由“演示企业' || i || '”改为“演示企业（新）”', i,
					                prev, h);
					        prev := h;
					    end loop;
					end $$""".formatted(events));
			jdbc.execute("alter table audit_event enable trigger audit_event_chain");
			jdbc.execute("vacuum analyze audit_event");
			System.out.printf("AUDIT-BENCH: wrote %d chained events in %.1f s%n", events, (System.nanoTime() - start) / 1e9);

			JdbcAuditLedger ledger = new JdbcAuditLedger(dataSource);
			TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			tx.setReadOnly(true);
			for (int run = 1; run <= 2; run++) {
				long verifyStart = System.nanoTime();
				ChainVerification result = tx.execute(status -> {
					AuditChainVerifier verifier = new AuditChainVerifier(List.of(), null);
					ledger.forEachInSequence(1, verifier);
					return verifier.finish(Instant.now(), null);
				});
				double seconds = (System.nanoTime() - verifyStart) / 1e9;
				System.out.printf("AUDIT-BENCH: verification run %d: %d events in %.2f s (%.0f events/s)%n", run,
						result.eventsChecked(), seconds, result.eventsChecked() / seconds);
				assertThat(result.firstBreak()).isNull();
				assertThat(result.eventsChecked()).isEqualTo(events);
			}
		}
		finally {
			try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
					Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + scratch + " with (force)");
			}
		}
	}

}
