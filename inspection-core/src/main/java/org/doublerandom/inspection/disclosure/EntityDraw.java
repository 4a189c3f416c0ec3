package org.doublerandom.inspection.disclosure;

import java.time.Instant;

/**
 * 为什么抽中我: one published draw that selected the entity (or listed it as a reserve, 备选). {@code rank}
 * is its keyed rank in the stratum (docs/draw-algorithm.md §8), {@code position} its place in rank order,
 * {@code selectedInStratum} the stratum's k and {@code cutoffRank} the rank of the last selected: every
 * selected target's rank is at most the cut-off, every reserve's above it.
 */
public record EntityDraw(long drawId, long taskId, String taskCode, String taskName, Instant committedAt,
		Instant drawnAt, boolean voided, boolean demo, String stratum, String rank, int position, boolean reserve,
		int selectedInStratum, String cutoffRank) {
}
