package org.doublerandom.inspection.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Walks the trail in sequence order and finds the first broken link: a gap in the numbers, an event that
 * does not name its predecessor's hash, an event whose fields no longer give its hash, a hash that differs
 * from a signed checkpoint, or a chain shorter than the latest checkpoint. Checkpoints whose signature
 * fails are themselves a break and are not trusted.
 */
public final class AuditChainVerifier implements Consumer<AuditEntry> {

	private final Map<Long, AuditCheckpoint> checkpoints = new HashMap<>();

	private final List<ChainBreak> signatureBreaks = new ArrayList<>();

	private AuditCheckpoint latest;

	private long expectedSequenceNo = 1;

	private String expectedPrevious = AuditChainHash.GENESIS;

	private long checked;

	private ChainBreak chainBreak;

	/** A null signer checks no signatures (the caller has done so). */
	public AuditChainVerifier(List<AuditCheckpoint> checkpoints, CheckpointSigner signer) {
		for (AuditCheckpoint checkpoint : checkpoints) {
			if (signer != null && !signer.verify(checkpoint.signedBytes(), checkpoint.signature())) {
				this.signatureBreaks.add(new ChainBreak(checkpoint.sequenceNo(), ChainBreak.Kind.CHECKPOINT_SIGNATURE,
						"signature by key " + signer.keyId(), "key " + checkpoint.keyId()));
				continue;
			}
			this.checkpoints.merge(checkpoint.sequenceNo(), checkpoint, (a, b) -> a.hash().equals(b.hash()) ? a : b);
			if (this.latest == null || checkpoint.sequenceNo() >= this.latest.sequenceNo()) {
				this.latest = checkpoint;
			}
		}
	}

	@Override
	public void accept(AuditEntry entry) {
		if (this.chainBreak != null) {
			return;
		}
		this.checked++;
		if (entry.sequenceNo() != this.expectedSequenceNo) {
			this.chainBreak = new ChainBreak(this.expectedSequenceNo, ChainBreak.Kind.SEQUENCE,
					Long.toString(this.expectedSequenceNo), Long.toString(entry.sequenceNo()));
			return;
		}
		if (!this.expectedPrevious.equals(entry.previousHash())) {
			this.chainBreak = new ChainBreak(entry.sequenceNo(), ChainBreak.Kind.PREVIOUS_HASH, this.expectedPrevious,
					entry.previousHash());
			return;
		}
		String recomputed = entry.recomputedHash();
		if (!recomputed.equals(entry.hash())) {
			this.chainBreak = new ChainBreak(entry.sequenceNo(), ChainBreak.Kind.HASH, recomputed, entry.hash());
			return;
		}
		AuditCheckpoint checkpoint = this.checkpoints.get(entry.sequenceNo());
		if (checkpoint != null && !checkpoint.hash().equals(entry.hash())) {
			this.chainBreak = new ChainBreak(entry.sequenceNo(), ChainBreak.Kind.CHECKPOINT, checkpoint.hash(),
					entry.hash());
			return;
		}
		this.expectedPrevious = entry.hash();
		this.expectedSequenceNo++;
	}

	/** The result, once every event has been given; {@code head} is the database's own head, if known. */
	public ChainVerification finish(Instant now, ChainHead head) {
		long last = this.expectedSequenceNo - 1;
		ChainBreak found = this.chainBreak;
		if (found == null && this.latest != null && this.latest.sequenceNo() > last) {
			found = new ChainBreak(last + 1, ChainBreak.Kind.TAIL_MISSING,
					"≥ " + this.latest.sequenceNo(), Long.toString(last));
		}
		if (found == null && head != null
				&& (head.sequenceNo() != last || !head.hash().equals(this.expectedPrevious))) {
			found = new ChainBreak(Math.min(head.sequenceNo(), last) + 1, ChainBreak.Kind.HEAD,
					head.sequenceNo() + " " + head.hash(), last + " " + this.expectedPrevious);
		}
		List<ChainBreak> candidates = new ArrayList<>(this.signatureBreaks);
		if (found != null) {
			candidates.add(found);
		}
		ChainBreak first = candidates.stream().min(Comparator.comparingLong(ChainBreak::sequenceNo)).orElse(null);
		return new ChainVerification(now, this.checked, last, this.expectedPrevious, this.checkpoints.size(),
				this.latest, first);
	}

}
