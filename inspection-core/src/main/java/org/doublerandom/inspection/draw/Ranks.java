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
		int p = label(label, value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0x7e) {
				throw new IllegalArgumentException("ranked values are ASCII tokens: " + value);
			}
			this.buffer[p++] = (byte) c;
		}
		digest(p, out);
	}

	/** The same rank of the value given as its bytes {@code value[offset, offset + length)}. */
	public void rankInto(String label, byte[] value, int offset, int length, byte[] out) {
		int p = label(label, length);
		for (int i = offset; i < offset + length; i++) {
			byte b = value[i];
			if (b < 0 || b > 0x7e) {
				throw new IllegalArgumentException("ranked values are ASCII tokens: "
						+ new String(value, offset, length, java.nio.charset.StandardCharsets.UTF_8));
			}
			this.buffer[p++] = b;
		}
		digest(p, out);
	}

	/** Puts seed ‖ label ‖ ":" in the buffer, room for the value after it; returns where the value goes. */
	private int label(String label, int valueLength) {
		int length = Sha256.LENGTH + label.length() + 1 + valueLength;
		if (this.buffer.length < length) {
			this.buffer = new byte[Math.max(length, 2 * this.buffer.length)];
		}
		System.arraycopy(this.seed, 0, this.buffer, 0, Sha256.LENGTH);
		int p = Sha256.LENGTH;
		for (int i = 0; i < label.length(); i++) {
			this.buffer[p++] = (byte) label.charAt(i);
		}
		this.buffer[p++] = ':';
		return p;
	}

	private void digest(int length, byte[] out) {
		this.digest.update(this.buffer, 0, length);
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
