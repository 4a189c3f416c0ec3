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

	/**
	 * 恒通商贸 in 1 name in 10: each of its bigrams is in the same names, so the planner, multiplying their
	 * frequencies, took it for 1 in 1,000 and read all 4,000 matches through the bigram index. The rarest bigram's
	 * frequency sizes the window instead.
	 */
	@Test
	void commonWordOfSeveralBigramsReadsOnlyAWindowOfTheIdOrder() {
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				select 'ENTERPRISE', 'REGISTRATION_NO', lpad(i::text, 15, '0'),
				       case when i % 10 = 0 then '基准·恒通商贸' || lpad(i::text, 6, '0') || '有限公司'
				            else '基准·中' || lpad(i::text, 6, '0') || '餐饮有限公司' end,
				       '150602', now(), now()
				from generate_series(1, ?) as i""", REGISTRY);
		this.jdbc.execute("analyze target");

		long before = ClusteredNames.rowsRead(this.jdbc);
		List<PublicEntity> page = this.entities.search(EntityQuery.of("恒通商贸"), 0, 21);
		long read = ClusteredNames.rowsRead(this.jdbc) - before;

		assertThat(page).extracting(PublicEntity::id).isEqualTo(this.jdbc.queryForList(
				"select id from target where name like '%恒通商贸%' order by id limit 21", Long.class));
		assertThat(read).as("rows read").isLessThanOrEqualTo(JdbcPublicEntities.WINDOW_MARGIN * 21 * 10 + 1 + PLANNER_PROBES);
	}

	@Test
	void rareWordGoesStraightToTheBigramIndex() {
		ClusteredNames.load(this.jdbc, REGISTRY, false);
		this.jdbc.update("update target set name = '基准·罕见牧场' where id = (select max(id) from target)");
		this.jdbc.execute("analyze target");

		long before = ClusteredNames.rowsRead(this.jdbc);
		List<PublicEntity> page = this.entities.search(EntityQuery.of("罕见"), 0, 21);
		long read = ClusteredNames.rowsRead(this.jdbc) - before;

		assertThat(page).extracting(PublicEntity::name).containsExactly("基准·罕见牧场");
		assertThat(read).as("rows read: its match, not a window").isLessThanOrEqualTo(5);
	}

	@Test
	void bigramsAreTheColumnsOwn() {
		for (String text : List.of("恒通商贸", "ABC有限公司", "Ordos Ｘ𠀀市", "aa", "恒通恒通")) {
			assertThat(JdbcPublicEntities.bigrams(text)).as(text).containsExactlyInAnyOrderElementsOf(
					this.jdbc.queryForList("select unnest(name_bigrams(?))", String.class, text));
		}
	}

	/**
	 * 恒通甲乙 in 1 name in 100, each of its bigrams in 1 in 20: its window, sized for 1 in 20, holds too few, so a
	 * larger one is read; the pages are still exactly the brute-force ones, deep pages and the last one included.
	 */
	@Test
	void textRarerThanItsRarestBigramStillListsEveryMatchInIdOrder() {
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				select 'ENTERPRISE', 'REGISTRATION_NO', lpad(i::text, 15, '0'),
				       '基准·' || case when i % 100 = 0 then '恒通甲乙' when i % 20 = 0 then '恒通甲丙' when i % 20 = 1 then '甲乙'
				                       else '中' end || lpad(i::text, 6, '0') || '有限公司',
				       '150602', now(), now()
				from generate_series(1, ?) as i""", REGISTRY);
		this.jdbc.execute("analyze target");
		List<Long> all = this.jdbc.queryForList("select id from target where name like '%恒通甲乙%' order by id", Long.class);
		assertThat(all).hasSize(REGISTRY / 100);

		for (int offset : new int[] { 0, 21, 42, 378, 399 }) {
			List<PublicEntity> page = this.entities.search(EntityQuery.of("恒通甲乙"), offset, 21);
			assertThat(page).extracting(PublicEntity::id).as("offset " + offset)
				.isEqualTo(all.subList(offset, Math.min(all.size(), offset + 21)));
		}
	}

	/**
	 * Every search through the bigram index reads the index's pending list (fastupdate) whole: after a bulk import
	 * at the default limit of 4 MB it held some 12,000 names and a search that found nothing took 8 ms, not 0.4.
	 * V25 bounds it at 256 kB; gin_clean_pending_list answers how many pages it held.
	 */
	@Test
	void bulkImportLeavesTheNameIndexOnlyAShortPendingList() {
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				select 'ENTERPRISE', 'REGISTRATION_NO', lpad(i::text, 15, '0'), '基准·恒通商贸' || i || '有限公司',
				       '150602', now(), now()
				from generate_series(1, 10000) as i""");

		Integer pendingPages = this.jdbc.queryForObject("select gin_clean_pending_list('target_name_bigrams')",
				Integer.class);

		// 256 kB are 32 pages of 8 kB; 10,000 names fill some 400 pages under the default limit
		assertThat(pendingPages).as("pages of the pending list").isLessThanOrEqualTo(32);
	}

}
