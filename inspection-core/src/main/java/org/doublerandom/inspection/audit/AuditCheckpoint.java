package org.doublerandom.inspection.audit;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * 检查点: the chain head at a moment, signed with a key kept outside the database and written outside it, so
 * that a rewritten or shortened chain no longer matches. The signature covers {@link #signedText()}.
 */
public record AuditCheckpoint(long sequenceNo, String hash, Instant time, String keyId, String signature)
		implements Serializable {

	static final String VERSION = "audit-checkpoint-v1";

	/** What is signed: "audit-checkpoint-v1", sequence number, head hash and ISO-8601 UTC time, one per line. */
	public static String signedText(long sequenceNo, String hash, Instant time) {
		return VERSION + "\n" + sequenceNo + "\n" + hash + "\n" + time;
	}

	public String signedText() {
		return signedText(this.sequenceNo, this.hash, this.time);
	}

	public byte[] signedBytes() {
		return signedText().getBytes(StandardCharsets.UTF_8);
	}

}
