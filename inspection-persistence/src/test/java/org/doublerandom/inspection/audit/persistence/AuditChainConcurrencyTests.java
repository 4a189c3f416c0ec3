package org.doublerandom.inspection.audit.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.doublerandom.inspection.audit.AuditChain;
import org.doublerandom.inspection.audit.AuditEntry;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.audit.ChainVerification;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many writers at once, each in its own committed (or rolled-back) transaction, through {@link AuditTrail}
 * as the services write: the chain neither forks nor leaves a gap, and a failed audit write takes the
 * business change with it.
 */
@DataJpaTest(properties = { "inspection.audit.checkpoint-directory=target/audit-concurrency-tests/checkpoints",
		"inspection.audit.signing-key=target/audit-concurrency-tests/keys/checkpoint-ed25519.pem",
		"spring.datasource.hikari.maximum-pool-size=30" })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ AuditTrail.class, JdbcAuditLedger.class, FileCheckpointLog.class, FileCheckpointSigner.class,
		AuditChain.class, AuditChainConcurrencyTests.Config.class })
class AuditChainConcurrencyTests {

	static final Actor OFFICER = new Actor("scjg-officer1", Set.of(Role.OFFICER), 1L, "10.0.0.8");

	@TestConfiguration
	static class Config {

		@Bean
		Clock clock() {
			return Clock.offset(Clock.systemUTC(), java.time.Duration.ZERO).withZone(ZoneOffset.UTC);
		}

		@Bean
		CurrentActor currentActor() {
			return () -> OFFICER;
		}

	}

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcAuditLedger ledger;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void twentyFourConcurrentWritersLeaveOneGapFreeValidChain() throws Exception {
		long before = this.ledger.head().sequenceNo();
		int writers = 24;
		int perWriter = 50;
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(pool.submit((Callable<Integer>) () -> {
					int committed = 0;
					for (int i = 0; i < perWriter; i++) {
						int n = i;
						boolean rollBack = n % 10 == 9;
						try {
							tx.executeWithoutResult(status -> {
								this.trail.record(OFFICER, "test.concurrent", "writer", writer, AuditOutcome.SUCCESS,
										"event " + n);
								if (rollBack) {
									throw new IllegalStateException("business rule refused after the audit write");
								}
							});
							committed++;
						}
						catch (IllegalStateException refused) {
							// rolled back together with its audit event
						}
					}
					return committed;
				}));
			}
			int committed = 0;
			for (Future<Integer> f : done) {
				committed += f.get(5, TimeUnit.MINUTES);
			}
			assertThat(committed).isEqualTo(writers * 45);
			assertThat(this.ledger.head().sequenceNo()).isGreaterThanOrEqualTo(before + committed);
		}
		finally {
			pool.shutdownNow();
		}
		List<AuditEntry> mine = new ArrayList<>();
		this.ledger.forEachInSequence(before + 1, mine::add);
		for (int i = 0; i < mine.size(); i++) {
			assertThat(mine.get(i).sequenceNo()).isEqualTo(before + 1 + i);
			if (i > 0) {
				assertThat(mine.get(i).previousHash()).isEqualTo(mine.get(i - 1).hash());
			}
		}
		assertThat(mine).filteredOn(e -> "test.concurrent".equals(e.action())).hasSize(writers * 45);
		ChainVerification result = new TransactionTemplate(this.transactions).execute(status -> this.chain.verify());
		assertThat(result.firstBreak()).isNull();
	}

	@Test
	void aFailedAuditWriteLeavesTheBusinessChangeAbsent() {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			this.jdbc.update("""
					insert into dictionary_entry (dictionary, code, name_zh, name_en, sort_order)
					values ('FOLLOW_UP_MEASURE', 'AUDIT_ROLLBACK_PROBE', '探针', 'probe', 99)
					""");
			// longer than the column: the audit insert fails
			this.trail.record(OFFICER, "x".repeat(65), "dictionary", 1, AuditOutcome.SUCCESS, null);
		})).isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from dictionary_entry where code = 'AUDIT_ROLLBACK_PROBE'",
				Long.class)).isZero();
	}

}
