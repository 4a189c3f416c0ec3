package org.doublerandom.inspection.target.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.doublerandom.inspection.target.CodeType;
import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.TargetExportRow;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetPage;
import org.doublerandom.inspection.target.TargetQuery;
import org.doublerandom.inspection.target.TargetRow;
import org.doublerandom.inspection.target.TargetSearch;
import org.doublerandom.inspection.target.TargetStatus;
import org.doublerandom.inspection.shared.persistence.BigramIndexScans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The registry list in plain SQL: every filter is a bound parameter, the sort column comes from an
 * allowlist, and the total is counted only up to {@link TargetPage#COUNT_CAP} so that a page stays fast on
 * a registry of millions.
 */
@Repository
class JdbcTargetSearch implements TargetSearch {

	/** Sort columns; each order (with the id last) is the order of an index, read forwards or backwards. */
	private static final Map<TargetQuery.Sort, List<String>> ORDER = Map.of(TargetQuery.Sort.NAME, List.of("t.name"),
			TargetQuery.Sort.CODE, List.of("t.code"), TargetQuery.Sort.REGION, List.of("t.region_code", "t.name"),
			TargetQuery.Sort.CREDIT_CLASS, List.of("t.credit_class", "t.name"), TargetQuery.Sort.ESTABLISHED,
			List.of("t.established_on"));

	/** Four or more letters, digits and hyphens, at least one a digit: what a typed code looks like. */
	private static final Pattern CODE_LIKE = Pattern.compile("(?=.*[0-9])[0-9A-Za-z-]{4,64}");

	/** The top plan node's row estimate comes first in EXPLAIN's JSON. */
	private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

	/**
	 * A name search matching more than 1 row in this many scans instead of using the bigram index. Measured
	 * at 2,000,000 targets: the bitmap of every match costs about 0.2 µs a match before the first is counted,
	 * a plain scan about 0.6 µs a row until the count cap is met; they break even near 1 row in 20.
	 */
	static final long COMMON_WORD_ONE_IN = 20;

	/** Rows of the sort order read per row of the page before a common word falls back to the bigram index. */
	static final long WINDOW_PER_ROW = 4 * COMMON_WORD_ONE_IN;

	static final long MAX_WINDOW = 40_000;

	/** Every column a sort order names. */
	private static final String SORT_COLUMNS = "t.id, t.name, t.code, t.region_code, t.credit_class, t.industry_section_code, t.established_on";

	/** How a name search's text is tested. */
	enum Text {

		/** through the bigram index (few matches) */
		BIGRAMS,
		/** by {@code like} on each row read (many matches, read in an index's order) */
		CONTAINS,
		/** not at all (the caller tests it on a window of rows) */
		NONE

	}

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	JdbcTargetSearch(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate cursor = new JdbcTemplate(dataSource);
		cursor.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
	}

	@Override
	public TargetPage search(TargetQuery query, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query, params, Text.BIGRAMS);
		boolean common = nameSearch(query) && estimatedRows(query) * COMMON_WORD_ONE_IN > registrySize();
		if (common) {
			// a word in tens of thousands of names (恒通, 商贸): the bigram index would hand over every match
			// before the first is counted, where a plain scan finds the capped count in a few thousand rows
			params = new MapSqlParameterSource();
			where = where(query, params, Text.CONTAINS);
		}
		long counted = this.jdbc.queryForObject(
				"select count(*) from (select 1 from target t " + where + " limit " + (TargetPage.COUNT_CAP + 1) + ") c",
				params, Long.class);
		boolean capped = counted > TargetPage.COUNT_CAP;
		long offset = (long) page * size;
		String order = orderBy(query);
		List<TargetRow> rows;
		if (nameSearch(query) && (common || capped)) {
			// more matches than the cap: a page of them in the sort order usually lies within the first few
			// thousand rows of that order, where the bigram index would hand over every match to be sorted
			rows = windowPage(query, order, offset, size);
			long expected = capped ? size : Math.max(0, Math.min(size, counted - offset));
			if (rows.size() < expected) {
				// the matches sit later in the sort order (names sharing a prefix, 鄂尔多斯市恒通…): every match
				// through the bigram index costs the number of matches, the walk would cost the registry
				MapSqlParameterSource all = new MapSqlParameterSource().addValue("limit", size)
					.addValue("offset", offset);
				String matches = "with m as materialized (select " + SORT_COLUMNS + " from target t"
						+ where(query, all, Text.BIGRAMS) + ") select t.id from m t order by " + order
						+ " limit :limit offset :offset";
				rows = BigramIndexScans.through(this.jdbc.getJdbcTemplate(), () -> page(matches, all, order));
			}
		}
		else if (nameSearch(query)) {
			// materialized: with "order by … limit" right after it the planner may walk the sort order's index,
			// reading the registry up to wherever the few matches sit
			params.addValue("limit", size).addValue("offset", offset);
			rows = page("with m as materialized (select " + SORT_COLUMNS + " from target t" + where
					+ ") select t.id from m t order by " + order + " limit :limit offset :offset", params, order);
		}
		else {
			params.addValue("limit", size).addValue("offset", offset);
			rows = page("select t.id from target t" + where + " order by " + order + " limit :limit offset :offset",
					params, order);
		}
		return new TargetPage(rows, page, size, capped ? TargetPage.COUNT_CAP : counted, capped);
	}

	/**
	 * The page among the first rows of the sort order (after the other filters) that contain the text; when it
	 * is full it is exactly the page of all matches, as no match outside the window sorts before it.
	 */
	private List<TargetRow> windowPage(TargetQuery query, String order, long offset, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String filters = where(query, params, Text.NONE);
		String contains = contains(query.text().strip(), params);
		params.addValue("window", Math.min(WINDOW_PER_ROW * (offset + size), MAX_WINDOW))
			.addValue("limit", size)
			.addValue("offset", offset);
		return page("select t.id from (select " + SORT_COLUMNS + " from target t" + filters + " order by " + order
				+ " limit :window) t where " + contains + " order by " + order + " limit :limit offset :offset", params,
				order);
	}

	/** The page's ids first (from the sort order's index alone), then those rows in full. */
	private List<TargetRow> page(String ids, MapSqlParameterSource params, String order) {
		return this.jdbc.query("""
				select t.id, t.kind, t.code_type, t.code, t.name, t.region_code, t.industry_section_code,
				       t.industry_division_code, t.status, t.abnormal_listed, t.credit_class, t.key_supervision,
				       t.established_on,
				       (select count(*) from target_department d where d.target_id = t.id) as departments
				from (""" + ids + """
				) page
				join target t on t.id = page.id
				order by\s""" + order, params, JdbcTargetSearch::row);
	}

	/**
	 * The planner's row estimate for the filters, from the statistics (the bigram's frequency is among them).
	 * The department scope is left out: the planner can only guess how many targets a department's registry
	 * holds (it says half), and halving a common word's frequency would send it down the bigram index.
	 */
	private long estimatedRows(TargetQuery query) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query.withDepartment(null), params, Text.BIGRAMS);
		String plan = this.jdbc.queryForObject("explain (format json) select 1 from target t " + where, params,
				String.class);
		Matcher rows = PLAN_ROWS.matcher((plan != null) ? plan : "");
		return rows.find() ? Long.parseLong(rows.group(1)) : 0;
	}

	/** The statistics' row count, as of the last ANALYZE (-1 before the first). */
	private long registrySize() {
		Long rows = this.jdbc.getJdbcTemplate()
			.queryForObject("select reltuples::bigint from pg_class where oid = 'target'::regclass", Long.class);
		return (rows != null && rows > 0) ? rows : Long.MAX_VALUE;
	}

	static boolean nameSearch(TargetQuery query) {
		return query.text() != null && !query.text().isBlank() && !CODE_LIKE.matcher(query.text().strip()).matches();
	}


	@Override
	public void forEach(TargetQuery query, int limit, Consumer<TargetExportRow> consumer) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query, params, Text.BIGRAMS);
		String order = orderBy(query);
		params.addValue("limit", limit);
		// streamed with a cursor (fetch size) inside the caller's read-only transaction
		this.streaming.query("select t.kind, t.code, t.name, r.name as region, t.address, t.industry_division_code, "
				+ "t.registration_authority, t.established_on, t.status, t.abnormal_listed, t.credit_class, "
				+ "t.credit_class_on, t.credit_class_source, t.key_supervision, "
				+ "(select string_agg(g.tag, '，' order by g.tag) from target_tag g where g.target_id = t.id) as tags "
				+ "from target t join region r on r.code = t.region_code" + where + " order by " + order
				+ " limit :limit", params, (RowCallbackHandler) rs -> {
					consumer.accept(new TargetExportRow(List.of(KIND_LABELS.get(rs.getString("kind")),
							rs.getString("code"), rs.getString("name"), rs.getString("region"),
							text(rs.getString("address")), text(rs.getString("industry_division_code")),
							text(rs.getString("registration_authority")), text(rs.getString("established_on")),
							STATUS_LABELS.get(rs.getString("status")), rs.getBoolean("abnormal_listed") ? "是" : "否",
							text(rs.getString("credit_class")), text(rs.getString("credit_class_on")),
							text(rs.getString("credit_class_source")), rs.getBoolean("key_supervision") ? "是" : "否",
							text(rs.getString("tags")))));
				});
	}

	private static final Map<String, String> KIND_LABELS = Map.ofEntries(Map.entry("ENTERPRISE", "企业"),
			Map.entry("INDIVIDUAL_BUSINESS", "个体工商户"), Map.entry("FARMERS_COOPERATIVE", "农民专业合作社"),
			Map.entry("PUBLIC_INSTITUTION", "事业单位"), Map.entry("SOCIAL_ORGANISATION", "社会组织"),
			Map.entry("PROJECT", "项目工程"), Map.entry("SPECIFIC_PERSON", "特定人员"), Map.entry("FACILITY", "设施设备"),
			Map.entry("SITE", "场地场所"), Map.entry("PRODUCT", "产品"), Map.entry("BEHAVIOUR", "行为"));

	private static final Map<String, String> STATUS_LABELS = Map.of("ACTIVE", "存续", "DEREGISTERED", "注销", "REVOKED",
			"吊销", "CANCELLED", "撤销", "MOVED_OUT", "迁出", "SUSPENDED", "歇业");

	private static String text(String value) {
		return (value == null) ? "" : value;
	}

	/** Default null ordering in both directions, so that the index can be read backwards for "desc". */
	static String orderBy(TargetQuery query) {
		String direction = query.descending() ? " desc" : " asc";
		List<String> columns = new ArrayList<>(ORDER.getOrDefault(query.sort(), List.of("t.name")));
		columns.add("t.id");
		return String.join(", ", columns.stream().map(column -> column + direction).toList());
	}

	static String where(TargetQuery q, MapSqlParameterSource params, Text mode) {
		List<String> clauses = new ArrayList<>();
		if (q.departmentId() != null) {
			// "offset 0" keeps this a per-row probe of the link's primary key: flattened into a semi-join,
			// the planner would hash all of a large department's links (millions) before the first row
			clauses.add("exists (select 1 from target_department d where d.target_id = t.id "
					+ "and d.department_id = :department offset 0)");
			params.addValue("department", q.departmentId());
		}
		if (mode != Text.NONE && q.text() != null && !q.text().isBlank()) {
			String text = q.text().strip();
			// a code prefix or a part of a name, each searched through its own index
			if (CODE_LIKE.matcher(text).matches()) {
				clauses.add("t.code like :prefix escape '\\'");
				params.addValue("prefix", escapeLike(text.toUpperCase(Locale.ROOT)) + "%");
			}
			else if (mode == Text.CONTAINS) {
				clauses.add(contains(text, params));
			}
			else if (text.codePointCount(0, text.length()) == 2) {
				// a two-character text is one bigram: containment is the whole test, and the planner's
				// estimate of it (from the array statistics) is a good one
				clauses.add("t.name_bigrams @> name_bigrams(:text)");
				params.addValue("text", text);
			}
			else if (text.codePointCount(0, text.length()) > 2) {
				// the bigram index narrows to names holding every pair of the text; ilike confirms the order
				clauses.add("t.name_bigrams @> name_bigrams(:text) and " + contains(text, params));
				params.addValue("text", text);
			}
			else {
				clauses.add(contains(text, params));
			}
		}
		add(clauses, params, "t.kind", "kind", (q.kind() != null) ? q.kind().name() : null);
		add(clauses, params, "t.region_code", "region", q.regionCode());
		add(clauses, params, "t.industry_section_code", "section", q.industrySectionCode());
		add(clauses, params, "t.credit_class", "credit", (q.creditClass() != null) ? q.creditClass().name() : null);
		add(clauses, params, "t.status", "status", (q.status() != null) ? q.status().name() : null);
		if (q.keySupervision() != null) {
			clauses.add("t.key_supervision = :keySupervision");
			params.addValue("keySupervision", q.keySupervision());
		}
		if (q.abnormalListed() != null) {
			clauses.add("t.abnormal_listed = :abnormal");
			params.addValue("abnormal", q.abnormalListed());
		}
		if (q.tag() != null && !q.tag().isBlank()) {
			clauses.add("exists (select 1 from target_tag g where g.target_id = t.id and g.tag = :tag)");
			params.addValue("tag", q.tag().strip());
		}
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

	/**
	 * Text without letters that have a case (Chinese names, digits) is matched with {@code like}, which
	 * compares bytes; {@code ilike} folds the case of every name it reads first, five times slower on a
	 * scan of the name order.
	 */
	private static String contains(String text, MapSqlParameterSource params) {
		params.addValue("contains", "%" + escapeLike(text) + "%");
		boolean caseless = text.toLowerCase(Locale.ROOT).equals(text.toUpperCase(Locale.ROOT));
		return caseless ? "t.name like :contains escape '\\'" : "t.name ilike :contains escape '\\'";
	}

	private static void add(List<String> clauses, MapSqlParameterSource params, String column, String name,
			String value) {
		if (value != null && !value.isBlank()) {
			clauses.add(column + " = :" + name);
			params.addValue(name, value);
		}
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static TargetRow row(ResultSet rs, int rowNum) throws SQLException {
		String credit = rs.getString("credit_class");
		return new TargetRow(rs.getLong("id"), TargetKind.valueOf(rs.getString("kind")),
				CodeType.valueOf(rs.getString("code_type")), rs.getString("code"), rs.getString("name"),
				rs.getString("region_code"), rs.getString("industry_section_code"),
				rs.getString("industry_division_code"), TargetStatus.valueOf(rs.getString("status")),
				rs.getBoolean("abnormal_listed"), (credit != null) ? CreditClass.valueOf(credit) : null,
				rs.getBoolean("key_supervision"), rs.getObject("established_on", LocalDate.class),
				rs.getInt("departments"));
	}

}
