package org.doublerandom.inspection.audit;

import java.time.Instant;

/**
 * The outcome of a verification run (链完整性校验): how much was checked, against which checkpoint, and the
 * first broken link if there is one.
 */
public record ChainVerification(Instant verifiedAt, long eventsChecked, long lastSequenceNo, String lastHash,
		int checkpointsChecked, AuditCheckpoint latestCheckpoint, ChainBreak firstBreak) {

	public boolean intact() {
		return this.firstBreak == null;
	}

}
