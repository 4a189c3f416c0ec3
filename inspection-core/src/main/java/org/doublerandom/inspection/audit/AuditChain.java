package org.doublerandom.inspection.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * The chain's two operations, without any permission check or record of their own (the callers do that):
 * verify the chain in the caller's transaction against the checkpoint file, and sign the current head into
 * it.
 */
@Component
public class AuditChain {

	private final AuditLedger ledger;

	private final CheckpointLog checkpoints;

	private final CheckpointSigner signer;

	private final Clock clock;

	public AuditChain(AuditLedger ledger, CheckpointLog checkpoints, CheckpointSigner signer, Clock clock) {
		this.ledger = ledger;
		this.checkpoints = checkpoints;
		this.signer = signer;
		this.clock = clock;
	}

	/**
	 * The checkpoints are read before the first query, so in a REPEATABLE READ transaction none is newer than
	 * the snapshot the events are read from.
	 */
	public ChainVerification verify() {
		AuditChainVerifier verifier = new AuditChainVerifier(this.checkpoints.all(), this.signer);
		ChainHead head = this.ledger.head();
		this.ledger.forEachInSequence(1, verifier);
		return verifier.finish(this.clock.instant(), head);
	}

	/** Signs the head as the caller's transaction sees it and appends it to the checkpoint file. */
	public AuditCheckpoint checkpoint() {
		ChainHead head = this.ledger.head();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String signature = this.signer
			.sign(AuditCheckpoint.signedText(head.sequenceNo(), head.hash(), now).getBytes(StandardCharsets.UTF_8));
		AuditCheckpoint checkpoint = new AuditCheckpoint(head.sequenceNo(), head.hash(), now, this.signer.keyId(),
				signature);
		this.checkpoints.append(checkpoint);
		return checkpoint;
	}

}
