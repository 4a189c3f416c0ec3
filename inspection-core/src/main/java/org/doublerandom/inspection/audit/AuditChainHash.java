package org.doublerandom.inspection.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's hash (链式哈希): SHA-256 over the canonical form of an event, which includes the previous
 * event's hash. The database computes the same form in {@code audit_event_canonical} (migration V11);
 * docs/audit-chain.md describes it for outsiders, and the tests hold the three together.
 */
public final class AuditChainHash {

	/** The predecessor of the first event. */
	public static final String GENESIS = "0".repeat(64);

	static final String VERSION = "audit-event-v1";

	/** PostgreSQL keeps microseconds; the form prints exactly six fraction digits in UTC. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditChainHash() {
	}

	public static String canonical(long sequenceNo, Instant occurredAt, String actor, String actorRoles,
			Long departmentId, String action, String objectType, String objectId, String outcome,
			String clientAddress, String detail, String previousHash) {
		StringBuilder form = new StringBuilder(256).append(VERSION);
		field(form, Long.toString(sequenceNo));
		field(form, (occurredAt != null) ? TIME.format(occurredAt.truncatedTo(ChronoUnit.MICROS)) : null);
		field(form, actor);
		field(form, actorRoles);
		field(form, (departmentId != null) ? departmentId.toString() : null);
		field(form, action);
		field(form, objectType);
		field(form, objectId);
		field(form, outcome);
		field(form, clientAddress);
		field(form, detail);
		field(form, previousHash);
		return form.toString();
	}

	// a digest per thread: the verification hashes a million events in a row
	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(AuditChainHash::sha256);

	private static final HexFormat HEX = HexFormat.of();

	public static String sha256Hex(String text) {
		return HEX.formatHex(DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/** The UTF-8 byte count without encoding: 1 byte below U+0080, 2 below U+0800, 4 per surrogate pair, else 3. */
	static int utf8Length(String value) {
		int bytes = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				// a lone surrogate is encoded as '?' by String.getBytes, one byte
				bytes += Character.isSurrogate(c) ? 1 : 3;
			}
		}
		return bytes;
	}

	private static void field(StringBuilder form, String value) {
		form.append('\n');
		if (value == null) {
			form.append('-');
		}
		else {
			form.append(utf8Length(value)).append(':').append(value);
		}
	}

}
