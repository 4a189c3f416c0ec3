package org.doublerandom.inspection.audit;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditAdministrationTests {

	static final Actor AUDITOR = new Actor("auditadmin", Set.of(Role.AUDIT_ADMIN), null, "10.0.0.9");

	static final Actor SYS_ADMIN = new Actor("sysadmin", Set.of(Role.SYS_ADMIN), null, "10.0.0.9");

	final AtomicReference<Actor> actor = new AtomicReference<>(Actor.system());

	final AtomicReference<ChainHead> head = new AtomicReference<>(new ChainHead(0, AuditChainHash.GENESIS));

	final List<AuditCheckpoint> written = new ArrayList<>();

	final List<AuditEvent> recorded = new ArrayList<>();

	final Clock clock = Clock.fixed(Instant.parse("2026-03-02T01:00:00.750Z"), ZoneOffset.UTC);

	boolean garbled;

	AuditAdministration administration;

	@BeforeEach
	void setUp() {
		AuditLedger ledger = new AuditLedger() {

			@Override
			public ChainHead head() {
				return AuditAdministrationTests.this.head.get();
			}

			@Override
			public void forEachInSequence(long fromSequenceNo, Consumer<AuditEntry> consumer) {
			}

			@Override
			public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
				return Page.empty(pageable);
			}

			@Override
			public void forEachMatching(AuditQuery query, int limit, Consumer<AuditEntry> consumer) {
			}

			@Override
			public List<AuditDepartment> departments() {
				return List.of();
			}

		};
		CheckpointLog log = new CheckpointLog() {

			@Override
			public void append(AuditCheckpoint checkpoint) {
				AuditAdministrationTests.this.written.add(checkpoint);
			}

			@Override
			public List<AuditCheckpoint> all() {
				if (AuditAdministrationTests.this.garbled) {
					throw new DomainException("audit.checkpoints.unreadable", null, 2, "memory");
				}
				return List.copyOf(AuditAdministrationTests.this.written);
			}

			@Override
			public void copyTo(OutputStream out) {
			}

			@Override
			public String location() {
				return "memory";
			}

		};
		CheckpointSigner signer = new CheckpointSigner() {

			@Override
			public String sign(byte[] message) {
				return "signed:" + new String(message, StandardCharsets.UTF_8).hashCode();
			}

			@Override
			public boolean verify(byte[] message, String signature) {
				return sign(message).equals(signature);
			}

			@Override
			public String keyId() {
				return "test-key";
			}

			@Override
			public String publicKeyPem() {
				return "";
			}

		};
		AuditEvents events = new RecordingAuditEvents(this.recorded);
		AuditTrail trail = new AuditTrail(events, this.actor::get, this.clock);
		this.administration = new AuditAdministration(ledger, log, signer,
				new AuditChain(ledger, log, signer, this.clock), trail, this.actor::get);
	}

	@Test
	void theScheduledCheckpointIsWrittenOnlyWhenTheChainHasGrown() {
		assertThat(this.administration.scheduledCheckpoint()).as("empty chain").isEmpty();
		this.head.set(new ChainHead(5, "a".repeat(64)));
		AuditCheckpoint first = this.administration.scheduledCheckpoint().orElseThrow();
		assertThat(first.sequenceNo()).isEqualTo(5);
		assertThat(first.time()).as("to the second, from the injected clock")
			.isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
		assertThat(first.signature()).isEqualTo("signed:" + first.signedText().hashCode());
		assertThat(this.administration.scheduledCheckpoint()).as("unchanged head").isEmpty();
		this.head.set(new ChainHead(6, "b".repeat(64)));
		assertThat(this.administration.scheduledCheckpoint()).isPresent();
		assertThat(this.written).extracting(AuditCheckpoint::sequenceNo).containsExactly(5L, 6L);
		assertThat(this.recorded).as("scheduled checkpoints are not events themselves").isEmpty();
	}

	@Test
	void onlyTheSystemRunsTheScheduledCheckpoint() {
		this.actor.set(AUDITOR);
		assertThatThrownBy(this.administration::scheduledCheckpoint).isInstanceOf(NotPermittedException.class);
	}

	@Test
	void theAuditAdministratorWritesACheckpointOnDemandAndItIsRecorded() {
		this.head.set(new ChainHead(9, "c".repeat(64)));
		this.actor.set(AUDITOR);
		AuditCheckpoint written = this.administration.checkpointNow();
		assertThat(written.sequenceNo()).isEqualTo(9);
		assertThat(this.recorded).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getClientAddress)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("audit.checkpoint", "auditadmin", "10.0.0.9"));
	}

	@Test
	void aVerificationStoppedByAnUnreadableCheckpointFileIsRecordedAsAFailure() {
		this.actor.set(AUDITOR);
		this.garbled = true;
		assertThatThrownBy(this.administration::verify).isInstanceOf(DomainException.class);
		assertThat(this.recorded).extracting(AuditEvent::getAction, AuditEvent::getOutcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("audit.verify", AuditOutcome.FAILURE));
	}

	@Test
	void nobodyButTheAuditAdministratorReadsVerifiesOrExportsTheTrail() {
		this.actor.set(SYS_ADMIN);
		assertThatThrownBy(() -> this.administration.search(AuditQuery.everything(), 0, 50))
			.isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(this.administration::verify).isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(this.administration::checkpointNow).isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> this.administration.exportChain(line -> {
		})).isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> this.administration.exportMatches(AuditQuery.everything(), row -> {
		})).isInstanceOf(NotPermittedException.class);
		assertThat(this.written).isEmpty();
		assertThat(this.recorded).isEmpty();
	}

}
