package org.doublerandom.inspection.result.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.doublerandom.inspection.result.ItemOutcome;
import org.doublerandom.inspection.result.OpenResults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 开放数据 of the published results. The downloads read through a cursor (a fetch size inside the caller's
 * transaction, so that the PostgreSQL driver does not load the whole result), one line at a time into the sink:
 * a million results stream in constant memory. The API's pages are ranges of the partial indexes of V22.
 */
@Repository
class JdbcOpenResults implements OpenResults {

	/** Rows the driver fetches at a time from the cursor. */
	static final int FETCH_SIZE = 1_000;

	private static final String LINE = """
			select r.id, r.task_id, t.code as task_code, t.name as task_name, p.code as plan_code, p.name as plan_name,
			       e.selection = 'DIRECTED' as directed, r.department_id, d.name as department,
			       %s as entity_name, %s as credit_code, r.inspection_date, r.category_code,
			       (r.published_at at time zone 'Asia/Shanghai')::date as published_on
			from inspection_result r
			join task t on t.id = r.task_id
			join plan p on p.id = t.plan_id
			join plan_entry e on e.id = t.plan_entry_id
			join department d on d.id = r.department_id
			join target tg on tg.id = r.target_id
			where r.state = 'PUBLISHED'
			""".formatted(JdbcPublishedResults.PUBLIC_NAME, JdbcPublishedResults.PUBLIC_CODE);

	private static final String ITEM = """
			select i.result_id, i.position + 1, i.item_code, i.item_name, i.checked, i.problems
			from inspection_result_item i
			""";

	private final JdbcTemplate jdbc;

	private final JdbcTemplate cursor;

	JdbcOpenResults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.cursor = new JdbcTemplate(jdbc.getDataSource());
		this.cursor.setFetchSize(FETCH_SIZE);
	}

	@Override
	public Version version() {
		return this.jdbc.queryForObject("""
				select count(*), max(published_at), coalesce(max(id), 0)
				from inspection_result where state = 'PUBLISHED'""", (rs, n) -> {
			Timestamp last = rs.getTimestamp(2);
			return new Version(rs.getLong(1), (last != null) ? last.toInstant() : null, rs.getLong(3));
		});
	}

	@Override
	public void each(Consumer<Line> sink) {
		this.cursor.query(LINE + " order by r.id", rs -> {
			sink.accept(line(rs));
		});
	}

	/** Joined to the published results in their id order, so that the item file follows the result file. */
	@Override
	public void eachItem(Consumer<ItemLine> sink) {
		this.cursor.query(ITEM + """
				join inspection_result r on r.id = i.result_id
				where r.state = 'PUBLISHED'
				order by i.result_id, i.position""", rs -> {
			sink.accept(item(rs));
		});
	}

	@Override
	public List<Line> page(Filter filter, int offset, int limit) {
		StringBuilder sql = new StringBuilder(LINE);
		List<Object> args = new ArrayList<>();
		if (filter.departmentId() != null) {
			sql.append(" and r.department_id = ?");
			args.add(filter.departmentId());
		}
		if (filter.taskId() != null) {
			sql.append(" and r.task_id = ?");
			args.add(filter.taskId());
		}
		if (filter.year() != null) {
			// a range of published_at (Beijing year), so that the index on it serves the filter
			sql.append(" and r.published_at >= make_timestamptz(?, 1, 1, 0, 0, 0, 'Asia/Shanghai')"
					+ " and r.published_at < make_timestamptz(?, 1, 1, 0, 0, 0, 'Asia/Shanghai')");
			args.add(filter.year());
			args.add(filter.year() + 1);
		}
		sql.append(" order by r.published_at desc, r.id desc offset ? limit ?");
		args.add(Math.max(offset, 0));
		args.add(Math.max(limit, 0));
		return this.jdbc.query(sql.toString(), (rs, n) -> line(rs), args.toArray());
	}

	@Override
	public Optional<Line> one(long resultId) {
		return this.jdbc.query(LINE + " and r.id = ?", (rs, n) -> line(rs), resultId).stream().findFirst();
	}

	@Override
	public List<ItemLine> items(long resultId) {
		return this.jdbc.query(ITEM + """
				join inspection_result r on r.id = i.result_id
				where r.state = 'PUBLISHED' and r.id = ?
				order by i.position""", (rs, n) -> item(rs), resultId);
	}

	private static Line line(ResultSet rs) throws SQLException {
		return new Line(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_code"), rs.getString("task_name"),
				rs.getString("plan_code"), rs.getString("plan_name"), rs.getBoolean("directed"),
				rs.getLong("department_id"), rs.getString("department"), rs.getString("entity_name"),
				rs.getString("credit_code"), rs.getObject("inspection_date", LocalDate.class),
				rs.getString("category_code"), rs.getObject("published_on", LocalDate.class));
	}

	private static ItemLine item(ResultSet rs) throws SQLException {
		return new ItemLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
				ItemOutcome.of(rs.getBoolean(5), rs.getString(6)));
	}

}
