package org.doublerandom.inspection.audit;

/** The first broken link of the chain: where, what kind, what was expected and what was found. */
public record ChainBreak(long sequenceNo, Kind kind, String expected, String found) {

	public enum Kind {

		/** An event is missing (deleted) or out of place: the sequence numbers are not contiguous. */
		SEQUENCE,

		/** The event does not name its predecessor's hash (reordered, or the predecessor was rewritten). */
		PREVIOUS_HASH,

		/** The event's fields no longer give its stored hash (edited). */
		HASH,

		/** A signed checkpoint names another hash for this sequence number (the chain was rewritten). */
		CHECKPOINT,

		/** The chain ends before a signed checkpoint's sequence number (the tail was cut off). */
		TAIL_MISSING,

		/** The chain head table disagrees with the last event. */
		HEAD,

		/** A checkpoint's signature does not verify with the public key (the checkpoint file was altered). */
		CHECKPOINT_SIGNATURE

	}

}
