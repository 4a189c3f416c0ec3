package org.doublerandom.inspection.testsupport;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A registry where a common word's matches sit together at the end of the name order, as real names do
 * behind a shared prefix (鄂尔多斯市恒通…): every name starts with 基准·, the 1 in 10 holding 恒通 sort after
 * all the others (中 sorts before 恒). Where they sit in the id order is the caller's choice.
 */
public final class ClusteredNames {

	public static final String WORD = "恒通";

	private ClusteredNames() {
	}

	/**
	 * @param size registry size, a multiple of 10; one in 10 is clearly a common word (above 1 in 20)
	 * @param matchesLast the matches take the last ids (clustered in both orders) instead of every 10th id
	 */
	public static void load(JdbcTemplate jdbc, int size, boolean matchesLast) {
		String match = matchesLast ? "i > " + (size - size / 10) : "i % 10 = 0";
		jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				select 'ENTERPRISE', 'REGISTRATION_NO', lpad(i::text, 15, '0'),
				       case when %s then '基准·恒通' || lpad(i::text, 6, '0') || '商贸有限公司'
				            else '基准·中' || lpad(i::text, 6, '0') || '商贸有限公司' end,
				       '150602', now(), now()
				from generate_series(1, %d) as i""".formatted(match, size));
		jdbc.execute("analyze target");
	}

	/** The ids of the names holding the word, in the given order (a brute-force reading). */
	public static List<Long> matches(JdbcTemplate jdbc, String order, int limit) {
		return jdbc.queryForList("select id from target where name like '%" + WORD + "%' order by " + order
				+ " limit " + limit, Long.class);
	}

	/** Heap rows and index entries read on the target table so far in this transaction. */
	public static long rowsRead(JdbcTemplate jdbc) {
		Long heap = jdbc.queryForObject("""
				select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
				from pg_stat_xact_user_tables where relname = 'target'""", Long.class);
		return (heap != null) ? heap : 0;
	}

	/** Entries read from one index of the target table so far in this transaction. */
	public static long indexEntriesRead(JdbcTemplate jdbc, String index) {
		// idx_tup_read of pg_stat_user_indexes, for the current transaction (there is no xact view of indexes)
		Long read = jdbc.queryForObject("select pg_stat_get_xact_tuples_returned(?::regclass)", Long.class, index);
		return (read != null) ? read : 0;
	}

}
