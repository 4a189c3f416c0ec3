package org.doublerandom.inspection.draw;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The eligible candidates of the frozen pool as (target id, stratum key) pairs. The selection may read it
 * twice (once to count the strata, once to rank), so it must yield the same rows each time: a frozen
 * table or a committed file, never a live query.
 */
@FunctionalInterface
public interface CandidateStream {

	void forEach(Sink sink);

	/**
	 * The same rows as UTF-8 bytes, for the selection's loop over millions of candidates: the id and the stratum
	 * key lie in {@code row} at the given ranges, valid only during the call. A store that reads bytes anyway (a
	 * binary COPY) overrides this so that a row costs no {@code String}; this default encodes the strings.
	 */
	default void forEachBytes(ByteSink sink) {
		byte[][] buffer = { new byte[256] };
		forEach((id, key) -> {
			int most = 3 * (id.length() + key.length()); // UTF-8 takes at most 3 bytes per char
			if (buffer[0].length < most) {
				buffer[0] = new byte[Math.max(most, 2 * buffer[0].length)];
			}
			int idEnd = utf8(id, buffer[0], 0);
			int keyEnd = utf8(key, buffer[0], idEnd);
			sink.accept(buffer[0], 0, idEnd, idEnd, keyEnd - idEnd);
		});
	}

	/** Writes the UTF-8 bytes of {@code s} at {@code at}; returns where they end. */
	private static int utf8(String s, byte[] into, int at) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x80) {
				byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
				System.arraycopy(bytes, 0, into, at, bytes.length);
				return at + bytes.length;
			}
			into[at + i] = (byte) c;
		}
		return at + s.length();
	}

	@FunctionalInterface
	interface Sink {

		void accept(String targetId, String stratumKey);

	}

	@FunctionalInterface
	interface ByteSink {

		void accept(byte[] row, int idOffset, int idLength, int keyOffset, int keyLength);

	}

	static CandidateStream of(List<PoolRow> rows) {
		return sink -> rows.stream().filter(PoolRow::isEligible).forEach(r -> sink.accept(r.targetId(), r.stratumKey()));
	}

}
