package org.doublerandom.inspection.disclosure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.doublerandom.inspection.disclosure.EntityDraw;
import org.doublerandom.inspection.disclosure.EntityQuery;
import org.doublerandom.inspection.disclosure.PublicEntities;
import org.doublerandom.inspection.disclosure.PublicEntity;
import org.doublerandom.inspection.target.TargetKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The entity lookup in SQL, on the registry's own indexes (docs/performance.md): a code prefix reads the
 * code order ({@code collate "C"}); a part of a name lists its matches in the order they entered the registry
 * (id order, so a page never shifts when new entities are registered). A rare name part goes through the
 * bigram GIN index; a common one first reads a bounded window of the id order, sized from the planner's
 * estimate of its frequency, and only if that holds too few matches goes through the bigram index, so the cost
 * is bounded by the window or by the number of matches, never by where the matches sit. Only the four public columns are
 * selected, and natural persons and targets without a credit code or registration number are never matched.
 */
@Repository
class JdbcPublicEntities implements PublicEntities {

	/** Market entities and organisations with a public code; never 特定人员 (natural persons). */
	static final String PUBLIC_ONLY = "t.kind <> 'SPECIFIC_PERSON' and t.code_type in ('USCC', 'REGISTRATION_NO')";

	/**
	 * A word's window holds this many times the matches its page needs, by the planner's estimate of the word's
	 * frequency, if they are spread over the registry.
	 */
	static final long WINDOW_MARGIN = 4;

	/**
	 * The largest window (a range of the primary key, a few milliseconds); a word that would need more, being
	 * rare or the page deep, goes through the bigram index, where it costs its number of matches.
	 */
	static final long MAX_WINDOW = 40_000;

	private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

	private static final String COLUMNS = "t.id, t.name, t.code, t.region_code, t.kind";

	private final NamedParameterJdbcTemplate jdbc;

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
		long registry = registrySize();
		long estimate = Math.max(1, estimatedRows(bigrams, params));
		long window = WINDOW_MARGIN * ((long) offset + limit) * Math.min(registry, Long.MAX_VALUE / 1_000_000_000L)
				/ estimate;
		boolean windowFirst = window <= MAX_WINDOW;
		if (windowFirst) {
			// a common word: its page usually lies within the first few thousand registrations; reading only
			// those keeps the cost bounded even if the matches cluster, and a range of ids lies together on disk.
			// A range, not "order by id limit": on a small table the planner would sort a full scan.
			params.addValue("window", window);
			List<PublicEntity> rows = this.jdbc.query("select " + COLUMNS
					+ " from target t where t.id < (select min(id) from target) + :window and " + contains + " and "
					+ PUBLIC_ONLY + " order by t.id limit :limit offset :offset", params, JdbcPublicEntities::entity);
			if (rows.size() == limit) {
				return rows;
			}
			// too few in the window (the matches sit later, or this is the last page): every match through the
			// bigram index, which costs the number of matches, never the size of the registry. Not cut short
			// when the window looks as large as the registry: that size is the statistics', which may be stale.
		}
		String where = (query.text().codePointCount(0, query.text().length()) == 2) ? bigrams
				: bigrams + " and " + contains;
		// materialized: with "order by id limit" right after it the planner would walk the primary key again. The
		// public filter is applied to the matches, outside: inside, the partial index of credit codes (whose
		// condition it repeats) would be one more way to read the whole table
		String sql = "with m as materialized (select " + COLUMNS + ", t.code_type from target t where " + where
				+ ") select " + COLUMNS + " from m t where " + PUBLIC_ONLY + " order by t.id limit :limit offset :offset";
		if (windowFirst) {
			return throughBigramIndex(() -> this.jdbc.query(sql, params, JdbcPublicEntities::entity));
		}
		return this.jdbc.query(sql, params, JdbcPublicEntities::entity);
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

	/** The planner's estimate from the statistics (the bigram's frequency is among them). */
	private long estimatedRows(String where, MapSqlParameterSource params) {
		String plan = this.jdbc.queryForObject("explain (format json) select 1 from target t where " + where, params,
				String.class);
		Matcher rows = PLAN_ROWS.matcher((plan != null) ? plan : "");
		return rows.find() ? Long.parseLong(rows.group(1)) : 0;
	}

	private long registrySize() {
		Long rows = this.jdbc.getJdbcTemplate()
			.queryForObject("select reltuples::bigint from pg_class where oid = 'target'::regclass", Long.class);
		return (rows != null && rows > 0) ? rows : Long.MAX_VALUE;
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

	/**
	 * The matches through the bigram index even where the planner would rather scan the table: it prices the
	 * heap pages as if the matches were spread over all of them, but the fallback runs exactly when they are
	 * not (they cluster in the order just read). Only inside a transaction (SET LOCAL ends with it).
	 */
	private <T> T throughBigramIndex(Supplier<T> query) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return query.get();
		}
		// bitmap scans only: with the table scan off the planner would walk a whole btree instead
		this.jdbc.getJdbcTemplate().execute("set local enable_seqscan = off; set local enable_indexscan = off");
		try {
			return query.get();
		}
		finally {
			this.jdbc.getJdbcTemplate().execute("set local enable_seqscan = on; set local enable_indexscan = on");
		}
	}

}
