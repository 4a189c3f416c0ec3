package org.doublerandom.inspection.draw;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The keyed ranks every choice of the draw is made by: {@code SHA-256(seed ‖ ASCII(label ":" value))},
 * compared as unsigned big-endian byte strings, ties (probability 2^-256) by the value's bytes. One digest
 * and one buffer are reused, so ranking millions of ids allocates nothing per id. Not thread-safe.
 */
public final class Ranks {

	public static final String TARGET = "target";

	public static final String SLOT = "slot";

	public static final String PICK = "pick";

	public static final String ALLOC = "alloc";

	private final byte[] seed;

	private final MessageDigest digest = Sha256.newDigest();

	private byte[] buffer = new byte[128];

	public Ranks(byte[] seed) {
		if (seed.length != Sha256.LENGTH) {
			throw new IllegalArgumentException("a seed has 32 bytes");
		}
		this.seed = seed.clone();
	}

	public byte[] seed() {
		return this.seed.clone();
	}

	public byte[] rank(String label, String value) {
		byte[] out = new byte[Sha256.LENGTH];
		rankInto(label, value, out);
		return out;
	}

	/** Writes the rank into {@code out} (32 bytes). Labels and values are ASCII, so chars are bytes. */
	public void rankInto(String label, String value, byte[] out) {
		int length = label.length() + 1 + value.length();
		if (this.buffer.length < length) {
			this.buffer = new byte[Math.max(length, 2 * this.buffer.length)];
		}
		int p = 0;
		for (int i = 0; i < label.length(); i++) {
			this.buffer[p++] = (byte) label.charAt(i);
		}
		this.buffer[p++] = ':';
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0x7e) {
				throw new IllegalArgumentException("ranked values are ASCII tokens: " + value);
			}
			this.buffer[p++] = (byte) c;
		}
		this.digest.update(this.seed);
		this.digest.update(this.buffer, 0, p);
		try {
			this.digest.digest(out, 0, Sha256.LENGTH);
		}
		catch (DigestException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Unsigned byte order of the ranks, then the values' byte order. */
	public static int compare(byte[] rankA, String valueA, byte[] rankB, String valueB) {
		int c = Arrays.compareUnsigned(rankA, rankB);
		return (c != 0) ? c : valueA.compareTo(valueB);
	}

}
