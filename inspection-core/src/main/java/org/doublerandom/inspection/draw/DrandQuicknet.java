package org.doublerandom.inspection.draw;

import java.time.Instant;

/**
 * drand's quicknet chain (League of Entropy): unchained BLS, a round every 3 s since genesis, so the round
 * that will exist at any future time is known in advance and can be written into the plan at commit time.
 * {@code randomness = SHA-256(signature)}; checking the BLS signature itself needs a pairing library and is
 * left to any drand client (the spec says how).
 */
public final class DrandQuicknet {

	public static final String CHAIN_HASH = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

	public static final long GENESIS = 1692803367L;

	public static final long PERIOD = 3L;

	/** The delay may not be shorter: the round must lie clearly in the future of the commitment. */
	public static final long MIN_DELAY_SECONDS = 60;

	private DrandQuicknet() {
	}

	/** The round current at unix time t: {@code floor((t − genesis) / period) + 1}. */
	public static long roundAt(long unixSeconds) {
		if (unixSeconds < GENESIS) {
			throw new DrawInputException("quicknet has no round before its genesis");
		}
		return Math.floorDiv(unixSeconds - GENESIS, PERIOD) + 1;
	}

	/** When round R is published: {@code genesis + (R − 1) · period}. */
	public static Instant timeOf(long round) {
		return Instant.ofEpochSecond(GENESIS + (round - 1) * PERIOD);
	}

	/** The round the plan must name: the one current at commit time plus the fixed delay. */
	public static long roundFor(Instant committedAt, long delaySeconds) {
		return roundAt(committedAt.getEpochSecond() + delaySeconds);
	}

}
