package org.doublerandom.inspection.audit.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.doublerandom.inspection.audit.AuditChainVerifier;
import org.doublerandom.inspection.audit.ChainVerification;
import org.doublerandom.inspection.testsupport.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmarks of the audit chain (docs/performance.md), each in a scratch database: appending from 16 writers,
 * and verifying a chain of {@code inspection.bench.audit-events} (default 1,000,000) events. They run only in
 * the bench profile: {@code ./mvnw -q -B -ntp -Pbench -pl inspection-persistence -am verify}.
 */
@Tag("bench")
class AuditChainBenchmark {

	static final String DETAIL = "名称由“演示企业”改为“演示企业（新）”";

	/** 16 writers, each event its own transaction: the chain-head lock is held through every commit. */
	@Test
	void appendingFromSixteenWriters() throws Exception {
		int writers = 16;
		int perWriter = 625;
		inScratchDatabase("audit_append_bench_", scratch -> {
			// a pool, as the application has: the cost measured is the chain's, not opening connections
			com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
			dataSource.setDataSource(scratch);
			dataSource.setMaximumPoolSize(writers);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			long start = System.nanoTime();
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int w = 0; w < writers; w++) {
					int writer = w;
					done.add(pool.submit(() -> {
						for (int i = 0; i < perWriter; i++) {
							jdbc.update("insert into audit_event (occurred_at, actor, actor_roles, department_id, action, "
									+ "object_type, object_id, outcome, client_address, detail) values (now(), "
									+ "'scjg-officer1', 'OFFICER', 1, 'target.edit', 'target', ?, 'SUCCESS', '10.0.0.1', ?)",
									writer + "-" + i, DETAIL);
						}
					}));
				}
				for (Future<?> f : done) {
					f.get(30, TimeUnit.MINUTES);
				}
			}
			finally {
				pool.shutdownNow();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("AUDIT-BENCH: %d events from %d writers in %.2f s (%.0f events/s)%n",
					writers * perWriter, writers, seconds, writers * perWriter / seconds);
			ChainVerification result = verify(dataSource);
			dataSource.close();
			assertThat(result.firstBreak()).isNull();
			assertThat(result.eventsChecked()).isEqualTo(writers * perWriter);
		});
	}

	@Test
	void verifyingAMillionEvents() throws Exception {
		int events = Integer.getInteger("inspection.bench.audit-events", 1_000_000);
		inScratchDatabase("audit_verify_bench_", dataSource -> {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			long start = System.nanoTime();
			// the chain written in one loop with the chain trigger off (the hashes are the same SQL function's)
			jdbc.execute("alter table audit_event disable trigger audit_event_chain");
			jdbc.execute("do $$ declare prev varchar(64) := repeat('0', 64); h varchar(64); "
					+ "t timestamptz := timestamptz '2026-01-01 00:00:00+08'; d text; begin for i in 1.." + events
					+ " loop d := '名称由“演示企业' || i || '”改为“演示企业（新）”'; "
					+ "h := audit_event_hash(i, t + i * interval '1 millisecond', 'scjg-officer1', 'OFFICER', 1, "
					+ "'target.edit', 'target', (i % 5000)::text, 'SUCCESS', '10.0.0.1', d, prev); "
					+ "insert into audit_event (occurred_at, actor, actor_roles, department_id, action, object_type, "
					+ "object_id, outcome, client_address, detail, seq, prev_hash, hash) values (t + i * interval "
					+ "'1 millisecond', 'scjg-officer1', 'OFFICER', 1, 'target.edit', 'target', (i % 5000)::text, "
					+ "'SUCCESS', '10.0.0.1', d, i, prev, h); prev := h; end loop; "
					+ "alter table audit_chain_head disable trigger user; "
					+ "update audit_chain_head set last_seq = " + events + ", last_hash = prev; "
					+ "alter table audit_chain_head enable trigger user; end $$");
			jdbc.execute("alter table audit_event enable trigger audit_event_chain");
			jdbc.execute("vacuum analyze audit_event");
			System.out.printf("AUDIT-BENCH: wrote %d chained events in %.1f s%n", events,
					(System.nanoTime() - start) / 1e9);
			for (int run = 1; run <= 2; run++) {
				long verifyStart = System.nanoTime();
				ChainVerification result = verify(dataSource);
				double seconds = (System.nanoTime() - verifyStart) / 1e9;
				System.out.printf("AUDIT-BENCH: verification run %d: %d events in %.2f s (%.0f events/s)%n", run,
						result.eventsChecked(), seconds, result.eventsChecked() / seconds);
				assertThat(result.firstBreak()).isNull();
				assertThat(result.eventsChecked()).isEqualTo(events);
			}
		});
	}

	static ChainVerification verify(DataSource dataSource) {
		JdbcAuditLedger ledger = new JdbcAuditLedger(dataSource);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		tx.setReadOnly(true);
		return tx.execute(status -> {
			AuditChainVerifier verifier = new AuditChainVerifier(List.of(), null);
			ledger.forEachInSequence(1, verifier);
			return verifier.finish(Instant.now(), ledger.head());
		});
	}

	interface ScratchWork {

		void run(DataSource dataSource) throws Exception;

	}

	static void inScratchDatabase(String prefix, ScratchWork work) throws Exception {
		PostgresTestDatabase.Connection server = PostgresTestDatabase.connection();
		String scratch = prefix + ProcessHandle.current().pid();
		String url = server.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + scratch);
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + scratch);
			statement.execute("create database " + scratch);
		}
		try {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(url, server.username(), server.password());
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			work.run(dataSource);
		}
		finally {
			try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
					Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + scratch + " with (force)");
			}
		}
	}

}
