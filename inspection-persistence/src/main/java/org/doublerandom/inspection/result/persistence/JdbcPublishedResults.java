package org.doublerandom.inspection.result.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.result.PublishedResults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The public result notices, grouped per task and department, and the registry update on publication. Dates are
 * the Beijing calendar day of the publication.
 */
@Repository
class JdbcPublishedResults implements PublishedResults {

	static final String NOTICE = """
			select r.task_id, r.department_id, p.code as plan_code, p.name as plan_name, t.code as task_code,
			       t.name as task_name, e.selection = 'DIRECTED' as directed, d.name as authority, count(*) as n,
			       max(r.published_at at time zone 'Asia/Shanghai')::date as last_published
			from inspection_result r
			join task t on t.id = r.task_id
			join plan p on p.id = t.plan_id
			join plan_entry e on e.id = t.plan_entry_id
			join department d on d.id = r.department_id
			where r.state = 'PUBLISHED'
			""";

	static final String GROUP = " group by r.task_id, r.department_id, p.code, p.name, t.code, t.name, e.selection, d.name ";

	/** The notices from their summary rows (V23 {@code result_notice}), for lists over every notice. */
	static final String SUMMARY = """
			select n.task_id, n.department_id, p.code as plan_code, p.name as plan_name, t.code as task_code,
			       t.name as task_name, e.selection = 'DIRECTED' as directed, d.name as authority, n.published_count as n,
			       (n.last_published_at at time zone 'Asia/Shanghai')::date as last_published
			from result_notice n
			join task t on t.id = n.task_id
			join plan p on p.id = t.plan_id
			join plan_entry e on e.id = t.plan_entry_id
			join department d on d.id = n.department_id
			where true
			""";

	private final JdbcTemplate jdbc;

	JdbcPublishedResults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Notice> notices(int limit) {
		return this.jdbc.query(SUMMARY + " order by last_published desc, t.code, d.name limit ?", (rs, n) -> notice(rs), limit);
	}

	@Override
	public Optional<Notice> notice(long taskId, long departmentId) {
		return this.jdbc.query(NOTICE + " and r.task_id = ? and r.department_id = ?" + GROUP, (rs, n) -> notice(rs), taskId,
				departmentId).stream().findFirst();
	}

	@Override
	public List<Notice> noticesOfTask(long taskId) {
		return this.jdbc.query(NOTICE + " and r.task_id = ?" + GROUP + " order by min(d.sort_order), d.name", (rs, n) -> notice(rs),
				taskId);
	}

	static Notice notice(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Notice(rs.getLong("task_id"), rs.getLong("department_id"), rs.getString("plan_code"),
				rs.getString("plan_name"), rs.getString("task_code"), rs.getString("task_name"), rs.getBoolean("directed"),
				rs.getString("authority"), rs.getLong("n"), rs.getObject("last_published", LocalDate.class));
	}

	/** A natural person's name (特定人员) is masked and their code left out: nothing personal is published. */
	static final String PUBLIC_NAME = "case when tg.kind = 'SPECIFIC_PERSON' then left(tg.name, 1) || '**' else tg.name end";

	static final String PUBLIC_CODE = "case when tg.kind = 'SPECIFIC_PERSON' then null else tg.code end";

	/**
	 * 序号 is the row's place in publication order (then id), which the index inspection_result_published_notice
	 * holds: a page is a range of it, so the thousandth page costs no sort of the whole notice.
	 */
	@Override
	public List<Row> rows(long taskId, long departmentId, int offset, int limit) {
		return this.jdbc.query("""
				select r.id, n.position, %s as name, %s as code, r.inspection_date, r.category_code
				from (select id, row_number() over (order by published_at, id) as position
				      from inspection_result
				      where state = 'PUBLISHED' and task_id = ? and department_id = ?
				      order by published_at, id
				      offset ? limit ?) n
				join inspection_result r on r.id = n.id
				join target tg on tg.id = r.target_id
				order by n.position""".formatted(PUBLIC_NAME, PUBLIC_CODE),
				(rs, n) -> row(rs), taskId, departmentId, Math.max(offset, 0), Math.max(limit, 0));
	}

	/**
	 * The 序号 of one row is the count of its notice's rows published up to it: a range of the notice index. It is
	 * counted with the row's own values (a second query), so that the planner sees how short the range is.
	 */
	@Override
	public Optional<Row> row(long resultId) {
		record Found(Row row, long taskId, long departmentId, java.sql.Timestamp publishedAt) {
		}
		Optional<Found> found = this.jdbc.query("""
				select r.id, 0, %s as name, %s as code, r.inspection_date, r.category_code, r.task_id, r.department_id,
				       r.published_at
				from inspection_result r join target tg on tg.id = r.target_id
				where r.id = ? and r.state = 'PUBLISHED'""".formatted(PUBLIC_NAME, PUBLIC_CODE),
				(rs, n) -> new Found(row(rs), rs.getLong(7), rs.getLong(8), rs.getTimestamp(9)), resultId)
			.stream()
			.findFirst();
		return found.map(f -> {
			// rows published until then, less those published at the same instant after it in id order (a row
			// comparison would be the same, but the planner cannot estimate it and picks the wrong index)
			Integer position = this.jdbc.queryForObject("""
					select (select count(*) from inspection_result
					        where state = 'PUBLISHED' and task_id = ? and department_id = ? and published_at <= ?)
					     - (select count(*) from inspection_result
					        where state = 'PUBLISHED' and task_id = ? and department_id = ? and published_at = ? and id > ?)""",
					Integer.class, f.taskId(), f.departmentId(), f.publishedAt(), f.taskId(), f.departmentId(),
					f.publishedAt(), resultId);
			Row r = f.row();
			return new Row(r.resultId(), position, r.entityName(), r.creditCode(), r.completedOn(), r.categoryCode());
		});
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
				rs.getString(6));
	}

	@Override
	public Optional<Detail> detail(long resultId) {
		record Head(long taskId, long departmentId, String categoryCode) {
		}
		return this.jdbc.query("""
				select task_id, department_id, category_code from inspection_result
				where id = ? and state = 'PUBLISHED'""", (rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3)),
				resultId)
			.stream()
			.findFirst()
			.map(head -> new Detail(head.taskId(), head.departmentId(), head.categoryCode(), this.jdbc.query("""
					select item_name, checked, problems is not null from inspection_result_item
					where result_id = ? order by position""",
					(rs, n) -> new Item(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)), resultId)));
	}

	@Override
	public List<TargetResult> forTarget(long targetId) {
		return this.jdbc.query("""
				select r.id, t.code, t.name, e.selection = 'DIRECTED', d.name, r.inspection_date, r.category_code,
				       (r.published_at at time zone 'Asia/Shanghai')::date
				from inspection_result r
				join task t on t.id = r.task_id
				join plan_entry e on e.id = t.plan_entry_id
				join department d on d.id = r.department_id
				where r.state = 'PUBLISHED' and r.target_id = ?
				order by r.published_at desc, r.id desc""",
				(rs, n) -> new TargetResult(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, LocalDate.class)),
				targetId);
	}

	@Override
	public void recordLastInspection(long targetId, long departmentId, List<String> itemCodes, LocalDate on) {
		for (String code : itemCodes) {
			this.jdbc.update("""
					insert into target_item_inspection (target_id, department_id, item_code, last_inspected_on)
					values (?, ?, ?, ?)
					on conflict (target_id, department_id, item_code) do update
					set last_inspected_on = greatest(target_item_inspection.last_inspected_on, excluded.last_inspected_on)""",
					targetId, departmentId, code, on);
		}
	}

}
