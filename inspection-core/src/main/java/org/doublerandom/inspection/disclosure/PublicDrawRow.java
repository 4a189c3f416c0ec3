package org.doublerandom.inspection.disclosure;

import java.time.Instant;

/**
 * A committed draw for the open data: its commitment, randomness round, result fingerprint and, once
 * voided, why. The people who ran it are not part of it (the public draw page names no staff account).
 */
public record PublicDrawRow(long drawId, long taskId, String taskCode, String taskName, Instant committedAt,
		String planHash, Long drandRound, Instant drawnAt, String seed, String digest, Integer selectedCount,
		Instant voidedAt, String voidReason, boolean demo) {
}
