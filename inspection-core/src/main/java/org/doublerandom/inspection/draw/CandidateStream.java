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
		forEach((id, key) -> {
			byte[] i = id.getBytes(StandardCharsets.UTF_8);
			byte[] k = key.getBytes(StandardCharsets.UTF_8);
			byte[] row = new byte[i.length + k.length];
			System.arraycopy(i, 0, row, 0, i.length);
			System.arraycopy(k, 0, row, i.length, k.length);
			sink.accept(row, 0, i.length, i.length, k.length);
		});
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
