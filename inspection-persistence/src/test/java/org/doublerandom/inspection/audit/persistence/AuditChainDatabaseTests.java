package org.doublerandom.inspection.audit.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.doublerandom.inspection.audit.AuditChainHash;
import org.doublerandom.inspection.audit.AuditChainVerifier;
import org.doublerandom.inspection.audit.AuditEntry;
import org.doublerandom.inspection.audit.ChainVerification;
import org.doublerandom.inspection.testsupport.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The database chains every inserted event exactly as the Java side (and docs/audit-chain.md) describe. */
@DataJpaTest
@Import(JdbcAuditLedger.class)
class AuditChainDatabaseTests {

	static final String TRICKY = "名称由“某某”改为 'x'\n第二行\t😀 \\ \"q\" =1+1";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcAuditLedger ledger;

	@Test
	void javaAndSqlWriteTheSameCanonicalFormAndHash() {
		Instant at = Instant.parse("2026-03-02T01:00:00.120003Z");
		for (String detail : new String[] { TRICKY, null, "", "-" }) {
			String sql = this.jdbc.queryForObject(
					"select audit_event_canonical(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", String.class, 12L,
					Timestamp.from(at), "scjg-officer1", "DEPT_MANAGER,OFFICER", null, "target.edit", "target", "名录-7",
					"SUCCESS", "10.0.0.1", detail, AuditChainHash.GENESIS);
			String java = AuditChainHash.canonical(12, at, "scjg-officer1", "DEPT_MANAGER,OFFICER", null, "target.edit",
					"target", "名录-7", "SUCCESS", "10.0.0.1", detail, AuditChainHash.GENESIS);
			assertThat(sql).isEqualTo(java);
			String sqlHash = this.jdbc.queryForObject(
					"select audit_event_hash(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", String.class, 12L,
					Timestamp.from(at), "scjg-officer1", "DEPT_MANAGER,OFFICER", 3L, "target.edit", "target", "名录-7",
					"SUCCESS", "10.0.0.1", detail, AuditChainHash.GENESIS);
			assertThat(sqlHash).isEqualTo(AuditChainHash.sha256Hex(AuditChainHash.canonical(12, at, "scjg-officer1",
					"DEPT_MANAGER,OFFICER", 3L, "target.edit", "target", "名录-7", "SUCCESS", "10.0.0.1", detail,
					AuditChainHash.GENESIS)));
		}
	}

	@Test
	void insertedEventsGetTheNextSequenceNumbersAndAVerifiableHash() {
		long before = this.ledger.head().sequenceNo();
		insert(this.jdbc, "2026-03-02T01:00:00.999999Z", TRICKY, 1L);
		insert(this.jdbc, "2026-03-02T01:00:01Z", null, null);
		// the trigger sets the chain columns itself, whatever the writer claims
		this.jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_roles, action, outcome, seq, prev_hash, hash)
				values (now(), 'forger', '', 'test.forged', 'SUCCESS', 1, repeat('a', 64), repeat('b', 64))
				""");
		List<AuditEntry> entries = new ArrayList<>();
		this.ledger.forEachInSequence(before + 1, entries::add);
		assertThat(entries).extracting(AuditEntry::sequenceNo).containsExactly(before + 1, before + 2, before + 3);
		assertThat(entries).allSatisfy(e -> assertThat(e.recomputedHash()).isEqualTo(e.hash()));
		assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
		assertThat(this.ledger.head().hash()).isEqualTo(entries.get(2).hash());

		AuditChainVerifier verifier = new AuditChainVerifier(List.of(), null);
		this.ledger.forEachInSequence(1, verifier);
		assertThat(verifier.finish(Instant.now(), this.ledger.head()).intact()).isTrue();
	}

	/**
	 * The chain trigger builds the canonical form inline (V16) instead of calling audit_event_hash: for nulls,
	 * empty strings, line feeds, emoji and a time with trailing zero microseconds its hash is the function's and
	 * Java's.
	 */
	@Test
	void theTriggerHashesEveryFieldAsTheCanonicalFunctionAndJavaDo() {
		long before = this.ledger.head().sequenceNo();
		this.jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_roles, department_id, action, object_type, object_id,
				                         outcome, client_address, detail)
				values ('2026-03-02T01:00:00.1Z', 'anonymous', '', null, 'auth.signIn', null, null, 'FAILURE', null, null),
				       ('2026-12-31T23:59:59.999999Z', '管理员😀', 'AUDIT_ADMIN,SYS_ADMIN', 123456789, 'a', '', '', 'DENIED', '', ''),
				       (now(), 'bureau', 'BUREAU', 7, 'x.y', 'task', '名录-7', 'SUCCESS', '::1', ?)
				""", TRICKY);
		List<AuditEntry> entries = new ArrayList<>();
		this.ledger.forEachInSequence(before + 1, entries::add);
		assertThat(entries).hasSize(3).allSatisfy(e -> assertThat(e.recomputedHash()).isEqualTo(e.hash()));
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_event where seq > ? and hash = audit_event_hash(seq, occurred_at, actor,
				    actor_roles, department_id, action, object_type, object_id, outcome, client_address, detail, prev_hash)
				""", Long.class, before)).isEqualTo(3);
	}

	@Test
	void theHeadOnlyMovesForwardOneEventAtATime() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> this.jdbc.update("update audit_chain_head set last_seq = last_seq + 2")))
			.rootCause()
			.hasMessageContaining("only advances");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.jdbc.update("delete from audit_chain_head")))
			.rootCause()
			.hasMessageContaining("only advances");
	}

	/**
	 * A database that already holds events from before the chain (V4 to V10) gets them chained in id order by
	 * V11, with the same hashes Java computes.
	 */
	@Test
	void theMigrationChainsEventsWrittenBeforeItInIdOrder() throws Exception {
		PostgresTestDatabase.Connection server = PostgresTestDatabase.connection();
		String scratch = "audit_backfill_" + ProcessHandle.current().pid();
		String scratchUrl = server.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + scratch);
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + scratch);
			statement.execute("create database " + scratch);
		}
		try {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(scratchUrl, server.username(),
					server.password());
			// the last migration before the chain, whichever it is once other features have added theirs
			String beforeChain = java.util.Arrays
				.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().all())
				.map(m -> m.getVersion())
				.filter(v -> v.isNewerThan("4") && !v.isAtLeast("11"))
				.max(Comparable::compareTo)
				.orElseThrow()
				.getVersion();
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(beforeChain).load().migrate();
			JdbcTemplate old = new JdbcTemplate(dataSource);
			// written out of time order on purpose: the id decides
			old.update("""
					insert into audit_event (occurred_at, actor, actor_roles, department_id, action, object_type, object_id,
					                         outcome, client_address, detail)
					values ('2026-01-02 03:04:05.678901+08', 'sysadmin', 'SYS_ADMIN', null, 'account.create', 'account', '5',
					        'SUCCESS', '127.0.0.1', ?),
					       ('2026-01-01 00:00:00+08', 'anonymous', '', null, 'auth.signIn', null, null, 'FAILURE', null, null),
					       ('2026-01-03 00:00:00+08', 'bureau', 'BUREAU,DEPT_MANAGER', 1, 'vocabulary.relabel', 'dictionary', '2',
					        'SUCCESS', '::1', '')
					""", TRICKY);
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

			JdbcAuditLedger migrated = new JdbcAuditLedger(dataSource);
			List<AuditEntry> entries = new ArrayList<>();
			migrated.forEachInSequence(1, entries::add);
			assertThat(entries).extracting(AuditEntry::actor).containsExactly("sysadmin", "anonymous", "bureau");
			assertThat(entries).extracting(AuditEntry::sequenceNo).containsExactly(1L, 2L, 3L);
			assertThat(entries.get(0).previousHash()).isEqualTo(AuditChainHash.GENESIS);
			AuditChainVerifier verifier = new AuditChainVerifier(List.of(), null);
			entries.forEach(verifier);
			ChainVerification result = verifier.finish(Instant.now(), migrated.head());
			assertThat(result.firstBreak()).isNull();
			assertThat(result.lastSequenceNo()).isEqualTo(3);

			// and the next event continues the chain
			insert(old, "2026-01-04T00:00:00Z", "after", null);
			assertThat(migrated.head().sequenceNo()).isEqualTo(4);
		}
		finally {
			try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
					Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + scratch + " with (force)");
			}
		}
	}

	static void insert(JdbcTemplate jdbc, String at, String detail, Long department) {
		jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_roles, department_id, action, object_type, object_id,
				                         outcome, client_address, detail)
				values (?, 'scjg-officer1', 'OFFICER', ?, 'test.event', 'target', '1', 'SUCCESS', '10.1.2.3', ?)
				""", Timestamp.from(Instant.parse(at)), department, detail);
	}

}
