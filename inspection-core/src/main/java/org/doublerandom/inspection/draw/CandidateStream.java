package org.doublerandom.inspection.draw;

import java.util.List;

/**
 * The eligible candidates of the frozen pool as (target id, stratum key) pairs. The selection may read it
 * twice (once to count the strata, once to rank), so it must yield the same rows each time: a frozen
 * table or a committed file, never a live query.
 */
@FunctionalInterface
public interface CandidateStream {

	void forEach(Sink sink);

	@FunctionalInterface
	interface Sink {

		void accept(String targetId, String stratumKey);

	}

	static CandidateStream of(List<PoolRow> rows) {
		return sink -> rows.stream().filter(PoolRow::isEligible).forEach(r -> sink.accept(r.targetId(), r.stratumKey()));
	}

}
