package org.doublerandom.inspection.oversight.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.oversight.ChartKind;
import org.doublerandom.inspection.oversight.DashboardScope;
import org.doublerandom.inspection.oversight.Figure;
import org.doublerandom.inspection.oversight.FigureRow;
import org.doublerandom.inspection.oversight.FigureSource;
import org.doublerandom.inspection.oversight.Indicator;
import org.doublerandom.inspection.oversight.MessageKey;
import org.doublerandom.inspection.result.PublicationDeadline;
import org.doublerandom.inspection.result.ResultState;
import org.doublerandom.inspection.result.WorkRow;
import org.doublerandom.inspection.result.Worklist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's result figures, counted in SQL: targets inspected, the problem-found rate (问题发现率, results
 * whose category the dictionary flags {@code problem_found}), the on-time publication rate (按时公示率, published
 * on or before the deadline stored with the result) and the overdue list (逾期未公示). Results belong to the task's
 * year; a department sees its own results (结果谁录入、谁公示), the bureau all. A result counts as recorded once
 * submitted (a saved draft does not).
 */
@Repository
class JdbcResultFigures implements FigureSource {

	/** Submitted results of the year's tasks in scope. */
	static final String RECORDED = "select r.*, c.problem_found from inspection_result r join task t on t.id = r.task_id "
			+ "left join dictionary_entry c on c.dictionary = 'RESULT_CATEGORY' and c.code = r.category_code "
			+ "where r.state <> 'NOT_ENTERED' and t.task_year = :year "
			+ "and (cast(:dept as bigint) is null or r.department_id = cast(:dept as bigint))";

	private final NamedParameterJdbcTemplate jdbc;

	private final Worklist worklist;

	private final WorkingDays workingDays;

	private final PublicationDeadline deadline;

	private final Clock clock;

	JdbcResultFigures(NamedParameterJdbcTemplate jdbc, Worklist worklist, WorkingDays workingDays, Clock clock,
			@Value("${inspection.results.deadline-working-days:20}") int deadlineDays,
			@Value("${inspection.results.deadline-counts-start-day:false}") boolean startDayCounts) {
		this.jdbc = jdbc;
		this.worklist = worklist;
		this.workingDays = workingDays;
		this.clock = clock;
		this.deadline = new PublicationDeadline(deadlineDays, startDayCounts);
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public List<Indicator> indicators(DashboardScope scope) {
		Map<String, Object> counts = this.jdbc.queryForMap("with rs as (" + RECORDED + ") select "
				+ "count(distinct (rs.task_id, rs.target_id)) as inspected, "
				+ "count(distinct (rs.task_id, rs.target_id)) filter (where rs.problem_found) as problems, "
				+ "count(*) filter (where rs.state = 'PUBLISHED') as published from rs", params(scope));
		return List.of(new Indicator("targetsInspected", number(counts.get("inspected"))),
				new Indicator("problemsFound", number(counts.get("problems"))),
				new Indicator("resultsPublished", number(counts.get("published"))),
				new Indicator("resultsOverdue", overdue(scope).rows().size()));
	}

	@Override
	public List<Figure> figures(DashboardScope scope) {
		return List.of(problemFound(scope), resultsByCategory(scope), onTimePublication(scope), overdue(scope));
	}

	@Override
	public List<Integer> years(DashboardScope scope) {
		return this.jdbc.queryForList("select distinct t.task_year from inspection_result r join task t on t.id = r.task_id "
				+ "order by 1 desc", new MapSqlParameterSource(), Integer.class);
	}

	/** 问题发现率: per department, results recorded and those in a problem-found category. */
	Figure problemFound(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("with rs as (" + RECORDED + ") select d.short_name, count(*), "
				+ "count(*) filter (where rs.problem_found) from rs join department d on d.id = rs.department_id "
				+ "group by d.id, d.short_name, d.sort_order order by d.sort_order, d.id", params(scope),
				(rs, n) -> FigureRow.named(rs.getString(1), rs.getLong(2), rs.getLong(3), JdbcDashboardFigures.percent(rs.getLong(3), rs.getLong(2))));
		return new Figure("problemFound", ChartKind.BAR_RATE, "oversight.column.department",
				List.of("oversight.column.resultsRecorded", "oversight.column.problemsFound",
						"oversight.column.problemRate"),
				List.of(0, 2), rows);
	}

	/** 检查结果分布: recorded results per category of the dictionary, in its order. */
	Figure resultsByCategory(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("with rs as (" + RECORDED + ") select coalesce(c.name_zh, rs.category_code), "
				+ "count(*) from rs left join dictionary_entry c on c.dictionary = 'RESULT_CATEGORY' "
				+ "and c.code = rs.category_code group by c.sort_order, c.name_zh, rs.category_code "
				+ "order by c.sort_order, rs.category_code", params(scope),
				(rs, n) -> FigureRow.named(rs.getString(1), rs.getLong(2)));
		return new Figure("resultsByCategory", ChartKind.PIE, "oversight.column.category",
				List.of("oversight.column.results"), List.of(0), rows);
	}

	/** 按时公示率: per department, results published, on time (by the stored deadline) and late. */
	Figure onTimePublication(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("with rs as (" + RECORDED + ") select d.short_name, count(*), "
				+ "count(*) filter (where (rs.published_at at time zone :zone)::date <= rs.deadline) from rs "
				+ "join department d on d.id = rs.department_id where rs.state = 'PUBLISHED' "
				+ "group by d.id, d.short_name, d.sort_order order by d.sort_order, d.id", params(scope), (rs, n) -> {
					long published = rs.getLong(2);
					long onTime = rs.getLong(3);
					return FigureRow.named(rs.getString(1), published, onTime, published - onTime,
							JdbcDashboardFigures.percent(onTime, published));
				});
		return new Figure("onTimePublication", ChartKind.BAR_RATE, "oversight.column.department",
				List.of("oversight.column.resultsPublished", "oversight.column.publishedOnTime",
						"oversight.column.publishedLate", "oversight.column.onTimeRate"),
				List.of(0, 3), rows);
	}

	/**
	 * 逾期未公示: the worklist's lines (the department's own, in its SQL) of the year's tasks past their deadline and
	 * not published, oldest deadline first. A line without a result is due counting from the task's last day, as
	 * on the result pages.
	 */
	Figure overdue(DashboardScope scope) {
		Set<Long> tasks = new HashSet<>(this.jdbc.queryForList("select t.id from task t where t.task_year = :year",
				params(scope), Long.class));
		LocalDate today = LocalDate.now(this.clock);
		record Late(WorkRow row, LocalDate due) {
		}
		List<Late> lines = new ArrayList<>();
		for (WorkRow row : this.worklist.rows(scope.departmentId(), null)) {
			if (!tasks.contains(row.taskId()) || row.stateOrNew() == ResultState.PUBLISHED) {
				continue;
			}
			LocalDate due = (row.deadline() != null) ? row.deadline() : this.deadline.from(row.scheduleTo(), this.workingDays);
			if (today.isAfter(due)) {
				lines.add(new Late(row, due));
			}
		}
		lines.sort(Comparator.comparing(Late::due).thenComparing(l -> l.row().taskCode()));
		List<FigureRow> rows = lines.stream()
			.map(l -> FigureRow.named(l.row().taskCode(), l.row().departmentName(), l.row().targetName(),
					new MessageKey("enum.ResultState." + l.row().stateOrNew().name(), l.row().stateOrNew().name()),
					l.due().toString(), (long) this.workingDays.between(l.due(), today)))
			.toList();
		return new Figure("overdueResults", ChartKind.TABLE, "oversight.column.task",
				List.of("oversight.column.department", "oversight.column.target", "oversight.column.resultState",
						"oversight.column.deadline", "oversight.column.workingDaysOverdue"),
				List.of(), rows);
	}

	private MapSqlParameterSource params(DashboardScope scope) {
		return new MapSqlParameterSource().addValue("year", scope.year())
			.addValue("dept", scope.departmentId())
			.addValue("zone", this.clock.getZone().getId());
	}

	private static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

}
