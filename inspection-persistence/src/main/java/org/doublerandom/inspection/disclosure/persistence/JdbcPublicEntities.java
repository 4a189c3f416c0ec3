package org.doublerandom.inspection.disclosure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.doublerandom.inspection.disclosure.EntityDraw;
import org.doublerandom.inspection.disclosure.EntityQuery;
import org.doublerandom.inspection.disclosure.PublicEntities;
import org.doublerandom.inspection.disclosure.PublicEntity;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.shared.persistence.BigramIndexScans;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The entity lookup in SQL, on the registry's own indexes (docs/performance.md): a code prefix reads the
 * code order ({@code collate "C"}); a part of a name lists its matches in the order they entered the registry
 * (id order, so a page never shifts when new entities are registered). A rare name part goes through the
 * bigram GIN index; a common one first reads a bounded window of the id order, sized from the statistics'
 * frequency of its rarest bigram, and only if that holds too few matches goes through the bigram index, so the cost
 * is bounded by the window or by the number of matches, never by where the matches sit. Only the four public columns are
 * selected, and natural persons and targets without a credit code or registration number are never matched.
 */
@Repository
class JdbcPublicEntities implements PublicEntities {

	/** Market entities and organisations with a public code; never 特定人员 (natural persons). */
	static final String PUBLIC_ONLY = "t.kind <> 'SPECIFIC_PERSON' and t.code_type in ('USCC', 'REGISTRATION_NO')";

	/**
	 * A word's window holds this many times the matches its page needs, by the frequency of its rarest bigram,
	 * if they are spread over the registry.
	 */
	static final long WINDOW_MARGIN = 4;

	/**
	 * The largest window (a range of the primary key, a few milliseconds); a word that would need more, being
	 * rare or the page deep, goes through the bigram index, where it costs its number of matches.
	 */
	static final long MAX_WINDOW = 40_000;

	private static final String COLUMNS = "t.id, t.name, t.code, t.region_code, t.kind";

	private final NamedParameterJdbcTemplate jdbc;

	private volatile BigramStatistics statistics = new BigramStatistics(-1, Map.of());

	JdbcPublicEntities(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PublicEntity> search(EntityQuery query, int offset, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("offset", offset).addValue("limit", limit);
		if (query.code()) {
			params.addValue("prefix", escapeLike(query.text()) + "%");
			return this.jdbc.query("select " + COLUMNS + " from target t where t.code like :prefix escape '\\' and "
					+ PUBLIC_ONLY + " order by t.code, t.id limit :limit offset :offset", params,
					JdbcPublicEntities::entity);
		}
		String bigrams = "t.name_bigrams @> name_bigrams(:text)";
		params.addValue("text", query.text());
		String contains = contains(query.text(), params);
		double frequency = commonFrequency(query.text());
		long window = (frequency > 0) ? (long) Math.ceil(WINDOW_MARGIN * ((double) offset + limit) / frequency)
				: Long.MAX_VALUE;
		boolean windowFirst = window <= MAX_WINDOW;
		if (windowFirst) {
			// a common word: its page usually lies within the first few thousand registrations; reading only
			// those keeps the cost bounded even if the matches cluster, and a range of ids lies together on disk.
			// A range, not "order by id limit": on a small table the planner would sort a full scan.
			// Too few in it, but some: the text is rarer than its rarest bigram (嘉禾煤业有限公司1), so once more with a
			// window grown by what it lacked, twice over, up to the largest. None: its matches sit elsewhere, and
			// the bigram index lists them.
			long range = window;
			while (true) {
				params.addValue("window", range);
				List<PublicEntity> rows = this.jdbc.query("select " + COLUMNS
						+ " from target t where t.id < (select min(id) from target) + :window and " + contains + " and "
						+ PUBLIC_ONLY + " order by t.id limit :limit offset :offset", params, JdbcPublicEntities::entity);
				if (rows.size() == limit) {
					return rows;
				}
				long grown = rows.isEmpty() ? 0
						: Math.min(MAX_WINDOW, 2 * range * ((long) offset + limit) / ((long) offset + rows.size()));
				if (grown <= range) {
					break;
				}
				range = grown;
			}
			// too few in the windows (the matches sit later, or this is the last page): every match through the
			// bigram index, which costs the number of matches, never the size of the registry. Not cut short
			// when the window looks as large as the registry: the frequency is the statistics', which may be stale.
		}
		String where = (query.text().codePointCount(0, query.text().length()) == 2) ? bigrams
				: bigrams + " and " + contains;
		// materialized: with "order by id limit" right after it the planner would walk the primary key again. The
		// public filter is applied to the matches, outside: inside, the partial index of credit codes (whose
		// condition it repeats) would be one more way to read the whole table
		String sql = "with m as materialized (select " + COLUMNS + ", t.code_type from target t where " + where
				+ ") select " + COLUMNS + " from m t where " + PUBLIC_ONLY + " order by t.id limit :limit offset :offset";
		// through the bigram index always: a rare text by the statistics (a bigram not among the most common) may
		// still be priced high in a small or uniform registry, where the planner would rather read it all
		return BigramIndexScans.through(this.jdbc.getJdbcTemplate(), () -> this.jdbc.query(sql, params, JdbcPublicEntities::entity));
	}

	@Override
	public Optional<PublicEntity> findById(long id) {
		return this.jdbc
			.query("select " + COLUMNS + " from target t where t.id = :id and " + PUBLIC_ONLY,
					new MapSqlParameterSource("id", id), JdbcPublicEntities::entity)
			.stream()
			.findFirst();
	}

	@Override
	public Optional<PublicEntity> findByCode(String code) {
		return this.jdbc
			// unique among credit codes and registration numbers (target_code_unique): no order, no limit, so the
			// planner never walks the primary key looking for it
			.query("select " + COLUMNS + " from target t where t.code = :code and " + PUBLIC_ONLY,
					new MapSqlParameterSource("code", code), JdbcPublicEntities::entity)
			.stream()
			.findFirst();
	}

	@Override
	public List<EntityDraw> draws(long entityId) {
		// the pool row ties the registry id to the draw's target token; the stratum's k and cut-off come from
		// the stored selection (its primary key's draw prefix), never from the pool, which may be large
		return this.jdbc.query("""
				select d.id as draw_id, d.task_id, k.code as task_code, k.name as task_name, d.committed_at,
				       r.drawn_at, d.voided_at is not null as voided, d.demo, s.stratum, s.rank, s.position,
				       s.reserve,
				       (select count(*) from draw_selected c
				         where c.draw_id = s.draw_id and c.stratum = s.stratum and not c.reserve) as selected,
				       (select c.rank from draw_selected c
				         where c.draw_id = s.draw_id and c.stratum = s.stratum and not c.reserve
				         order by c.position desc limit 1) as cutoff
				from draw_pool p
				join draw_selected s on s.draw_id = p.draw_id and s.target_id = p.target_id
				join draw_result r on r.draw_id = s.draw_id
				join draw d on d.id = s.draw_id
				join task k on k.id = d.task_id
				where p.registry_id = :id and d.plan_hash is not null
				order by r.drawn_at desc, d.id desc""", new MapSqlParameterSource("id", entityId),
				(rs, n) -> new EntityDraw(rs.getLong("draw_id"), rs.getLong("task_id"), rs.getString("task_code"),
						rs.getString("task_name"), instant(rs, "committed_at"), instant(rs, "drawn_at"),
						rs.getBoolean("voided"), rs.getBoolean("demo"), rs.getString("stratum"), rs.getString("rank"),
						rs.getInt("position"), rs.getBoolean("reserve"), rs.getInt("selected"), rs.getString("cutoff")));
	}

	/**
	 * How often the text's rarest bigram occurs, by the statistics' most common elements of the bigram column: a
	 * bound from above on how often the text occurs. The planner multiplies the bigrams' frequencies instead, as
	 * if they were independent; within one word they are not, and it took 恒通商贸 (1 name in 140) for 1 in 28,000
	 * and read its 14,000 matches through the bigram index (docs/performance.md). Zero when a bigram is not among
	 * the most common elements, or there are no statistics: the text is rare, and the bigram index lists its few
	 * matches at once.
	 */
	private double commonFrequency(String text) {
		Long analyses = this.jdbc.getJdbcTemplate().queryForObject(
				"select pg_stat_get_analyze_count('target'::regclass) + pg_stat_get_autoanalyze_count('target'::regclass)",
				Long.class);
		BigramStatistics statistics = this.statistics;
		if (analyses == null) {
			return 0;
		}
		if (statistics.analyses() != analyses) {
			statistics = loadStatistics(analyses);
			this.statistics = statistics;
		}
		double rarest = 0;
		for (String bigram : bigrams(text)) {
			Double frequency = statistics.frequencies().get(bigram);
			if (frequency == null) {
				return 0;
			}
			rarest = (rarest == 0) ? frequency : Math.min(rarest, frequency);
		}
		return rarest;
	}

	/** Read once per ANALYZE of the registry (a few hundred entries), not once per search. */
	private BigramStatistics loadStatistics(long analyses) {
		Map<String, Double> frequencies = new HashMap<>();
		this.jdbc.getJdbcTemplate().query("""
				select most_common_elems::text::text[], most_common_elem_freqs from pg_stats
				where schemaname = current_schema() and tablename = 'target' and attname = 'name_bigrams'""", rs -> {
			Object[] elements = (Object[]) rs.getArray(1).getArray();
			Object[] freqs = (Object[]) rs.getArray(2).getArray();
			for (int i = 0; i < elements.length; i++) {
				frequencies.put((String) elements[i], ((Number) freqs[i]).doubleValue());
			}
		});
		return new BigramStatistics(analyses, Map.copyOf(frequencies));
	}

	/** The bigrams the column holds for a name: {@code name_bigrams()} of V7, on code points. */
	static Set<String> bigrams(String text) {
		int[] points = text.codePoints().toArray();
		Set<String> bigrams = new HashSet<>();
		for (int i = 0; i + 1 < points.length; i++) {
			bigrams.add(new String(points, i, 2).toLowerCase(Locale.ROOT));
		}
		return bigrams;
	}

	/** The most common bigrams' frequencies as of the registry's {@code analyses}-th ANALYZE. */
	private record BigramStatistics(long analyses, Map<String, Double> frequencies) {
	}

	/** {@code like} compares bytes; {@code ilike} only where the text has letters with a case. */
	private static String contains(String text, MapSqlParameterSource params) {
		params.addValue("contains", "%" + escapeLike(text) + "%");
		boolean caseless = text.toLowerCase(Locale.ROOT).equals(text.toUpperCase(Locale.ROOT));
		return caseless ? "t.name like :contains escape '\\'" : "t.name ilike :contains escape '\\'";
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static PublicEntity entity(ResultSet rs, int rowNum) throws SQLException {
		return new PublicEntity(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
				rs.getString("region_code"), TargetKind.valueOf(rs.getString("kind")));
	}

}
