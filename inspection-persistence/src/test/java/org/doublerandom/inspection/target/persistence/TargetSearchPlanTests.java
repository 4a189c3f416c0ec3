package org.doublerandom.inspection.target.persistence;

import org.doublerandom.inspection.target.TargetPage;
import org.doublerandom.inspection.target.TargetQuery;
import org.doublerandom.inspection.target.TargetRow;
import org.doublerandom.inspection.testsupport.ClusteredNames;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff registry search of a common word in name order on real PostgreSQL, counted in entries read from
 * the name order's index (pg_stat_xact_user_indexes), not in milliseconds: its matches sit together at the end
 * of the name order, where walking the name order until a page matches (the plan before) read 90% of it.
 */
@DataJpaTest
@Import(JdbcTargetSearch.class)
class TargetSearchPlanTests {

	static final int REGISTRY = 40_000;

	@Autowired
	JdbcTargetSearch search;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void commonWordClusteredInTheNameOrderReadsAWindowOfItThenItsMatches() {
		ClusteredNames.load(this.jdbc, REGISTRY, false);
		TargetQuery query = new TargetQuery(ClusteredNames.WORD, null, null, null, null, null, null, null, null, null,
				TargetQuery.Sort.NAME, false);

		long before = ClusteredNames.indexEntriesRead(this.jdbc, "target_name_order");
		TargetPage page = this.search.search(query, 1, 20);
		long read = ClusteredNames.indexEntriesRead(this.jdbc, "target_name_order") - before;

		assertThat(page.rows()).extracting(TargetRow::id)
			.isEqualTo(ClusteredNames.matches(this.jdbc, "name, id", 40).subList(20, 40));
		assertThat(page.totalCapped()).isTrue();
		// the window, plus the few entries the planner itself may read at the index's ends to estimate a range
		// (get_actual_variable_range); the old plan read 36,040
		assertThat(read).as("name-order index entries read").isLessThanOrEqualTo(JdbcTargetSearch.WINDOW_PER_ROW * 40 + 100);
	}

}
