package org.doublerandom.inspection.disclosure.persistence;

import java.util.List;

import org.doublerandom.inspection.disclosure.EntityQuery;
import org.doublerandom.inspection.disclosure.PublicEntity;
import org.doublerandom.inspection.testsupport.ClusteredNames;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public lookup of a common word on real PostgreSQL, counted in rows read (pg_stat_xact_user_tables), not
 * in milliseconds: its matches sit together at the end of the name order, where walking the name order until
 * a page matches (the plan before) read 90% of the registry. Matches are listed in id order either way.
 */
@DataJpaTest
@Import(JdbcPublicEntities.class)
class PublicEntitySearchPlanTests {

	static final int REGISTRY = 40_000;

	/** Rows the planner reads itself (get_actual_variable_range) when it prices a range of ids. */
	static final int PLANNER_PROBES = 50;

	@Autowired
	JdbcPublicEntities entities;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void commonWordSpreadOverTheRegistryReadsOnlyAWindowOfTheIdOrder() {
		ClusteredNames.load(this.jdbc, REGISTRY, false);

		long before = ClusteredNames.rowsRead(this.jdbc);
		List<PublicEntity> page = this.entities.search(EntityQuery.of(ClusteredNames.WORD), 0, 21);
		long read = ClusteredNames.rowsRead(this.jdbc) - before;

		assertThat(page).extracting(PublicEntity::id).isEqualTo(ClusteredNames.matches(this.jdbc, "id", 21));
		// the window: 4 times the ids a page of a word in 1 name in 10 needs, the lookup of the first id, and the
		// planner's probes of the ends of the id index
		assertThat(read).as("rows read").isLessThanOrEqualTo(JdbcPublicEntities.WINDOW_MARGIN * 21 * 10 + 1 + PLANNER_PROBES);
	}

	@Test
	void commonWordClusteredInBothOrdersReadsItsMatchesNotTheRegistry() {
		ClusteredNames.load(this.jdbc, REGISTRY, true);

		long before = ClusteredNames.rowsRead(this.jdbc);
		List<PublicEntity> page = this.entities.search(EntityQuery.of(ClusteredNames.WORD), 20, 21);
		long read = ClusteredNames.rowsRead(this.jdbc) - before;

		assertThat(page).extracting(PublicEntity::id)
			.isEqualTo(ClusteredNames.matches(this.jdbc, "id", 41).subList(20, 41));
		// the window of the id order (and its first id), then the 4,000 matches through the bigram index, and a
		// few rows the planner reads itself (the ends of the id index, for the window's range)
		assertThat(read).as("rows read")
			.isLessThanOrEqualTo(JdbcPublicEntities.WINDOW_MARGIN * 41 * 10 + 1 + REGISTRY / 10 + PLANNER_PROBES);
	}

}
