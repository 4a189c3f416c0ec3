package org.doublerandom.inspection.audit.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.doublerandom.inspection.audit.AuditChain;
import org.doublerandom.inspection.audit.AuditJson;
import org.doublerandom.inspection.audit.ChainBreak;
import org.doublerandom.inspection.audit.ChainVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 篡改检测: someone with database rights switches the triggers off and edits, deletes, reorders or cuts off
 * events. The in-app verification and the offline verifier (verifier/VerifyAudit.java, run with this JDK)
 * each name the right sequence number. Everything happens in the test's transaction and is rolled back; the
 * checkpoint file and key are this class's own.
 */
@DataJpaTest(properties = { "inspection.audit.checkpoint-directory=target/audit-tamper-tests/checkpoints",
		"inspection.audit.signing-key=target/audit-tamper-tests/keys/checkpoint-ed25519.pem" })
@Import({ JdbcAuditLedger.class, FileCheckpointLog.class, FileCheckpointSigner.class, AuditChain.class,
		AuditTamperTests.Config.class })
class AuditTamperTests {

	static final Path WORK = Path.of("target", "audit-tamper-tests").toAbsolutePath();

	@TestConfiguration
	static class Config {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);
		}

	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcAuditLedger ledger;

	@Autowired
	AuditChain chain;

	@Autowired
	FileCheckpointSigner signer;

	@Autowired
	FileCheckpointLog checkpoints;

	long first;

	@BeforeEach
	void twelveEventsAndACheckpoint() throws IOException {
		// each test's checkpoint names a head that its rollback undoes: start every test with an empty file
		Files.deleteIfExists(Path.of(this.checkpoints.location()));
		this.first = this.ledger.head().sequenceNo() + 1;
		for (int i = 0; i < 12; i++) {
			this.jdbc.update("""
					insert into audit_event (occurred_at, actor, actor_roles, department_id, action, object_type,
					                         object_id, outcome, client_address, detail)
					values (?, 'scjg-officer1', 'OFFICER', 1, 'target.edit', 'target', ?, 'SUCCESS', '10.0.0.7', ?)
					""", Timestamp.from(Instant.parse("2026-03-02T01:00:00.000001Z").plusSeconds(i)), "" + i,
					"改动 " + i);
		}
		this.chain.checkpoint();
		assertThat(this.chain.verify().intact()).isTrue();
	}

	void tamper() {
		this.jdbc.execute("alter table audit_event disable trigger user");
	}

	@Test
	void anUntouchedTrailVerifiesInTheAppAndOffline() {
		ChainVerification result = this.chain.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.lastSequenceNo()).isEqualTo(seq(11));
		assertThat(result.latestCheckpoint().sequenceNo()).isEqualTo(seq(11));
		assertThat(offline()).startsWith("OK: " + seq(11) + " events");
	}

	@Test
	void aCheckpointWithAForgedSignatureIsABreak() throws IOException {
		Path file = Path.of(this.checkpoints.location());
		String forged = AuditJson.checkpointLine(new org.doublerandom.inspection.audit.AuditCheckpoint(seq(2),
				"a".repeat(64), Instant.parse("2026-03-02T01:00:00Z"), this.signer.keyId(),
				java.util.Base64.getEncoder().encodeToString(new byte[64])));
		List<String> original = Files.readAllLines(file);
		try {
			Files.writeString(file, forged + "\n", java.nio.file.StandardOpenOption.APPEND);
			assertBreak(seq(2), ChainBreak.Kind.CHECKPOINT_SIGNATURE);
		}
		finally {
			Files.write(file, original);
		}
	}

	long seq(int index) {
		return this.first + index;
	}

	@Test
	void aGarbledCheckpointLineIsReportedNotSkipped() throws IOException {
		Path file = Path.of(this.checkpoints.location());
		Files.writeString(file, "{\"seq\":5,\"hash\":\n", java.nio.file.StandardOpenOption.APPEND);
		org.assertj.core.api.Assertions.assertThatThrownBy(this.chain::verify)
			.isInstanceOf(org.doublerandom.inspection.shared.DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "audit.checkpoints.unreadable");
		assertThat(offline()).startsWith("UNREADABLE: checkpoints line 2");
	}

	@Test
	void anEditedEventIsFoundAtItsSequenceNumber() {
		tamper();
		this.jdbc.update("update audit_event set detail = '改动 5（已篡改）' where seq = ?", seq(5));
		assertBreak(seq(5), ChainBreak.Kind.HASH);
	}

	@Test
	void anEditedEventWithARecomputedHashBreaksTheNextLink() {
		tamper();
		this.jdbc.update("""
				update audit_event set detail = 'rewritten',
				       hash = audit_event_hash(seq, occurred_at, actor, actor_roles, department_id, action, object_type,
				                               object_id, outcome, client_address, 'rewritten', prev_hash)
				where seq = ?""", seq(5));
		assertBreak(seq(6), ChainBreak.Kind.PREVIOUS_HASH);
	}

	@Test
	void aDeletedEventInTheMiddleIsFoundAsAGap() {
		tamper();
		this.jdbc.update("delete from audit_event where seq = ?", seq(4));
		ChainBreak found = assertBreak(seq(4), ChainBreak.Kind.SEQUENCE);
		assertThat(found.found()).isEqualTo(Long.toString(seq(5)));
	}

	@Test
	void twoSwappedEventsAreFoundWhereTheFirstOneWas() {
		tamper();
		// a free number above every real one, then the swap
		this.jdbc.update("update audit_event set seq = 9000000000000000000 where seq = ?", seq(3));
		this.jdbc.update("update audit_event set seq = ? where seq = ?", seq(3), seq(4));
		this.jdbc.update("update audit_event set seq = ? where seq = 9000000000000000000", seq(4));
		assertBreak(seq(3), ChainBreak.Kind.PREVIOUS_HASH);
	}

	@Test
	void aTailCutOffAfterACheckpointIsFoundByTheCheckpoint() {
		tamper();
		this.jdbc.execute("alter table audit_chain_head disable trigger user");
		this.jdbc.update("delete from audit_event where seq >= ?", seq(9));
		// the head table is rewound as well, so only the signed checkpoint outside the database remembers
		this.jdbc.update("""
				update audit_chain_head set last_seq = ?, last_hash = (select hash from audit_event where seq = ?)
				""", seq(8), seq(8));
		ChainBreak found = assertBreak(seq(9), ChainBreak.Kind.TAIL_MISSING);
		assertThat(found.found()).isEqualTo(Long.toString(seq(8)));
	}

	@Test
	void aRewrittenChainIsFoundByTheCheckpointsHash() {
		tamper();
		// recompute every hash from seq(5) on: the chain is self-consistent again, but not what was signed
		this.jdbc.update("update audit_event set detail = 'rewritten' where seq = ?", seq(5));
		for (int i = 5; i < 12; i++) {
			this.jdbc.update("""
					update audit_event e set
					       prev_hash = (select hash from audit_event p where p.seq = e.seq - 1),
					       hash = audit_event_hash(e.seq, e.occurred_at, e.actor, e.actor_roles, e.department_id, e.action,
					                               e.object_type, e.object_id, e.outcome, e.client_address, e.detail,
					                               (select hash from audit_event p where p.seq = e.seq - 1))
					where e.seq = ?""", seq(i));
		}
		this.jdbc.execute("alter table audit_chain_head disable trigger user");
		this.jdbc.update("update audit_chain_head set last_hash = (select hash from audit_event where seq = ?)", seq(11));
		assertBreak(seq(11), ChainBreak.Kind.CHECKPOINT);
	}

	ChainBreak assertBreak(long at, ChainBreak.Kind kind) {
		ChainVerification result = this.chain.verify();
		assertThat(result.firstBreak()).as("in-app verification").isNotNull();
		assertThat(result.firstBreak().sequenceNo()).isEqualTo(at);
		assertThat(result.firstBreak().kind()).isEqualTo(kind);
		assertThat(offline()).as("offline verifier").startsWith("BROKEN at seq " + at + ":");
		return result.firstBreak();
	}

	/** Exports the trail as the application does and runs the offline verifier on it with this JDK. */
	String offline() {
		Path export = null;
		Path publicKey = null;
		try {
			Files.createDirectories(WORK);
			export = Files.createTempFile(WORK, "trail-", ".jsonl");
			List<String> lines = new ArrayList<>();
			this.ledger.forEachInSequence(1, e -> lines.add(AuditJson.exportLine(e)));
			Files.write(export, lines, StandardCharsets.UTF_8);
			publicKey = Files.createTempFile(WORK, "public-", ".pem");
			Files.writeString(publicKey, this.signer.publicKeyPem());
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			Path source = Path.of("..", "verifier", "VerifyAudit.java").toAbsolutePath().normalize();
			Process process = new ProcessBuilder(java.toString(), source.toString(), export.toString(),
					this.checkpoints.location(), publicKey.toString())
				.redirectErrorStream(true)
				.start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			assertThat(process.exitValue()).as(output)
				.isEqualTo(output.startsWith("OK") ? 0 : output.startsWith("UNREADABLE") ? 2 : 1);
			return output;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			for (Path file : new Path[] { export, publicKey }) {
				if (file != null) {
					file.toFile().delete();
				}
			}
		}
	}

}
