package org.doublerandom.inspection.oversight.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.oversight.ChartKind;
import org.doublerandom.inspection.oversight.DashboardScope;
import org.doublerandom.inspection.oversight.Figure;
import org.doublerandom.inspection.oversight.FigureRow;
import org.doublerandom.inspection.oversight.FigureSource;
import org.doublerandom.inspection.oversight.Indicator;
import org.doublerandom.inspection.oversight.MessageKey;
import org.doublerandom.inspection.task.TaskState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The figures of plans, tasks and draws, counted in SQL. The scope is part of every query: for a department,
 * the plan entries and tasks it takes part in (as lead or partner), and the registry targets linked to it.
 * Drawn targets are the selected (not reserve) targets of live draws; a voided draw's targets do not count.
 */
@Repository
class JdbcDashboardFigures implements FigureSource {

	/** Tasks whose targets are drawn. */
	static final String DRAWN_STATES = "('DRAWN', 'ASSIGNED', 'DISPATCHED', 'IN_PROGRESS', 'RESULTS_DUE', 'CLOSED')";

	/** Tasks handed to the departments. */
	static final String DISPATCHED_STATES = "('DISPATCHED', 'IN_PROGRESS', 'RESULTS_DUE', 'CLOSED')";

	/** A task in scope: the whole city, or one the department takes part in. */
	static final String TASK_SCOPE = "(cast(:dept as bigint) is null or exists (select 1 from task_department sd "
			+ "where sd.task_id = t.id and sd.department_id = cast(:dept as bigint)))";

	/** Entries of the year's published plans (an amended version's successor counts, not the version it replaced). */
	static final String ENTRIES = "select e.id, e.lead_department_id from plan_entry e join plan p on p.id = e.plan_id "
			+ "where p.plan_year = :year and p.state in ('PUBLISHED', 'CLOSED') and e.merged_into_id is null "
			+ "and (cast(:dept as bigint) is null or exists (select 1 from plan_entry_department ed "
			+ "where ed.plan_entry_id = e.id and ed.department_id = cast(:dept as bigint)))";

	static final String DRAWN_TARGETS = "select distinct p.registry_id from draw_selected s "
			+ "join draw dr on dr.id = s.draw_id and dr.voided_at is null join task t on t.id = dr.task_id "
			+ "join draw_pool p on p.draw_id = s.draw_id and p.target_id = s.target_id "
			+ "where not s.reserve and t.task_year = :year and " + TASK_SCOPE;

	static final String REGISTRY = "select tg.* from target tg where tg.status = 'ACTIVE' and (cast(:dept as bigint) is null "
			+ "or exists (select 1 from target_department l where l.target_id = tg.id and l.department_id = cast(:dept as bigint)))";

	private final NamedParameterJdbcTemplate jdbc;

	/** Dates are days in the application's time zone (China). */
	private final ZoneId zone;

	JdbcDashboardFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public List<Indicator> indicators(DashboardScope scope) {
		MapSqlParameterSource p = params(scope);
		Map<String, Object> plan = this.jdbc.queryForMap("with entries as (" + ENTRIES + ") select count(*) as planned, "
				+ "count(t.id) as created, count(t.id) filter (where t.state in " + DISPATCHED_STATES + ") as dispatched "
				+ "from entries e left join task t on t.plan_entry_id = e.id", p);
		Map<String, Object> tasks = this.jdbc.queryForMap("select count(*) filter (where t.target_count is not null) as drawn, "
				+ "coalesce(sum(t.target_count), 0) as targets, count(*) filter (where t.joint) as joint "
				+ "from task t where t.task_year = :year and " + TASK_SCOPE, p);
		long saved = joint(scope).total(4);
		Map<String, Object> corrections = this.jdbc.queryForMap("select "
				+ "(select count(*) from draw dr join task t on t.id = dr.task_id where dr.voided_at is not null "
				+ "and t.task_year = :year and " + TASK_SCOPE + ") as voided, "
				+ "(select count(*) from draw_amendment a join draw dr on dr.id = a.draw_id join task t on t.id = dr.task_id "
				+ "where t.task_year = :year and " + TASK_SCOPE + ") as amended", p);
		return List.of(new Indicator("planned", number(plan.get("planned"))),
				new Indicator("created", number(plan.get("created"))),
				new Indicator("dispatched", number(plan.get("dispatched"))),
				new Indicator("targetsDrawn", number(tasks.get("targets"))),
				new Indicator("jointTasks", number(tasks.get("joint"))), new Indicator("visitsSaved", saved),
				new Indicator("voided", number(corrections.get("voided"))),
				new Indicator("amended", number(corrections.get("amended"))));
	}

	@Override
	public List<Figure> figures(DashboardScope scope) {
		return List.of(planCompletion(scope), tasksByState(scope), targetsDrawn(scope), coverageByCredit(scope),
				coverageByRegion(scope), joint(scope), corrections(scope), correctionReasons(scope));
	}

	@Override
	public List<Integer> years(DashboardScope scope) {
		return this.jdbc.queryForList("select plan_year from plan where state in ('PUBLISHED', 'CLOSED') "
				+ "union select task_year from task order by 1 desc", new MapSqlParameterSource(), Integer.class);
	}

	/** 计划完成: per lead department, the entries planned and their tasks created, drawn and dispatched. */
	Figure planCompletion(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("with entries as (" + ENTRIES + ") select d.short_name, count(*) as planned, "
				+ "count(t.id) as created, count(t.id) filter (where t.state in " + DRAWN_STATES + ") as drawn, "
				+ "count(t.id) filter (where t.state in " + DISPATCHED_STATES + ") as dispatched "
				+ "from entries e join department d on d.id = e.lead_department_id left join task t on t.plan_entry_id = e.id "
				+ "group by d.id, d.short_name, d.sort_order order by d.sort_order, d.id", params(scope),
				(rs, n) -> FigureRow.named(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						percent(rs.getLong(5), rs.getLong(2))));
		return new Figure("planCompletion", ChartKind.BAR, "oversight.column.leadDepartment",
				List.of("oversight.column.entriesPlanned", "oversight.column.tasksCreated", "oversight.column.tasksDrawn",
						"oversight.column.tasksDispatched", "oversight.column.completionRate"),
				List.of(0, 1, 2, 3), rows);
	}

	/** 任务状态: every state, in workflow order, zero where no task is in it. */
	Figure tasksByState(DashboardScope scope) {
		Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
		for (TaskState state : TaskState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.query("select t.state, count(*) from task t where t.task_year = :year and " + TASK_SCOPE
				+ " group by t.state", params(scope), rs -> {
					counts.put(TaskState.valueOf(rs.getString(1)), rs.getLong(2));
				});
		List<FigureRow> rows = counts.entrySet().stream()
			.map(e -> FigureRow.keyed("enum.TaskState." + e.getKey().name(), e.getValue()))
			.toList();
		return new Figure("tasksByState", ChartKind.PIE, "oversight.column.state", List.of("oversight.column.tasks"),
				List.of(0), rows);
	}

	/** 抽取对象: per taking-part department, its drawn tasks and their targets. */
	Figure targetsDrawn(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("select d.short_name, count(*), coalesce(sum(t.target_count), 0) "
				+ "from task t join task_department td on td.task_id = t.id join department d on d.id = td.department_id "
				+ "where t.task_year = :year and t.target_count is not null "
				+ "and (cast(:dept as bigint) is null or td.department_id = cast(:dept as bigint)) "
				+ "group by d.id, d.short_name, d.sort_order order by d.sort_order, d.id", params(scope),
				(rs, n) -> FigureRow.named(rs.getString(1), rs.getLong(2), rs.getLong(3)));
		return new Figure("targetsDrawn", ChartKind.BAR, "oversight.column.department",
				List.of("oversight.column.tasksDrawn", "oversight.column.targetsDrawn"), List.of(1), rows);
	}

	/** 信用分类覆盖: targets drawn against the active registry, per credit class (未分类 last). */
	Figure coverageByCredit(DashboardScope scope) {
		Map<String, long[]> byClass = new LinkedHashMap<>();
		for (String c : List.of("A", "B", "C", "D", "NONE")) {
			byClass.put(c, new long[2]);
		}
		MapSqlParameterSource p = params(scope);
		this.jdbc.query("with drawn as (" + DRAWN_TARGETS + ") select coalesce(tg.credit_class, 'NONE'), count(*) "
				+ "from drawn join target tg on tg.id = drawn.registry_id group by 1", p,
				rs -> {
					byClass.get(rs.getString(1))[0] = rs.getLong(2);
				});
		this.jdbc.query("select coalesce(r.credit_class, 'NONE'), count(*) from (" + REGISTRY + ") r group by 1", p,
				rs -> {
					byClass.get(rs.getString(1))[1] = rs.getLong(2);
				});
		List<FigureRow> rows = new ArrayList<>();
		byClass.forEach((c, v) -> rows.add(FigureRow.keyed("enum.CreditBand." + c, v[0], v[1], percent(v[0], v[1]))));
		return coverage("coverageByCredit", "oversight.column.creditClass", rows);
	}

	/** 旗区覆盖: the same per banner/district (旗区) of the target's registration. */
	Figure coverageByRegion(DashboardScope scope) {
		MapSqlParameterSource p = params(scope);
		Map<String, Long> drawn = new HashMap<>();
		this.jdbc.query("with drawn as (" + DRAWN_TARGETS + ") select tg.region_code, count(*) "
				+ "from drawn join target tg on tg.id = drawn.registry_id group by 1", p,
				rs -> {
					drawn.put(rs.getString(1), rs.getLong(2));
				});
		Map<String, Long> registry = new HashMap<>();
		this.jdbc.query("select r.region_code, count(*) from (" + REGISTRY + ") r group by 1", p, rs -> {
			registry.put(rs.getString(1), rs.getLong(2));
		});
		List<FigureRow> rows = new ArrayList<>();
		this.jdbc.query("select code, name from region order by code", p, rs -> {
			String code = rs.getString(1);
			long d = drawn.getOrDefault(code, 0L);
			long r = registry.getOrDefault(code, 0L);
			if (d > 0 || r > 0) {
				rows.add(FigureRow.named(rs.getString(2), d, r, percent(d, r)));
			}
		});
		return coverage("coverageByRegion", "oversight.column.region", rows);
	}

	private static Figure coverage(String key, String labelKey, List<FigureRow> rows) {
		return new Figure(key, ChartKind.BAR_RATE, labelKey, List.of("oversight.column.targetsDrawn",
				"oversight.column.registryActive", "oversight.column.coverageRate"), List.of(0, 2), rows);
	}

	/**
	 * 联合抽查: per joint task, its departments and targets. Without merging each department would visit each
	 * target once (targets × departments); the joint task visits it once (进一次门、查多项事).
	 */
	Figure joint(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("select t.code, count(td.department_id), coalesce(t.target_count, 0) "
				+ "from task t join task_department td on td.task_id = t.id where t.joint and t.task_year = :year and "
				+ TASK_SCOPE + " group by t.id, t.code, t.sequence_no order by t.sequence_no, t.id", params(scope),
				(rs, n) -> {
					long departments = rs.getLong(2);
					long targets = rs.getLong(3);
					return FigureRow.named(rs.getString(1), departments, targets, targets * departments, targets,
							targets * (departments - 1));
				});
		return new Figure("joint", ChartKind.BAR, "oversight.column.task",
				List.of("oversight.column.departments", "oversight.column.targets", "oversight.column.visitsSeparate",
						"oversight.column.visitsJoint", "oversight.column.visitsSaved"),
				List.of(2, 3), rows);
	}

	/** 作废与变更: per lead department, draws voided and amendments of drawn targets and inspectors. */
	Figure corrections(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("with ts as (select t.id, t.lead_department_id from task t "
				+ "where t.task_year = :year and " + TASK_SCOPE
				+ " and exists (select 1 from draw dr where dr.task_id = t.id and dr.frozen_at is not null)), "
				+ "v as (select dr.task_id, count(*) filter (where dr.voided_at is not null) as voided from draw dr "
				+ "join ts on ts.id = dr.task_id group by dr.task_id), "
				+ "a as (select dr.task_id, count(*) filter (where a.type = 'target') as targets, "
				+ "count(*) filter (where a.type = 'inspector') as inspectors from draw_amendment a "
				+ "join draw dr on dr.id = a.draw_id join ts on ts.id = dr.task_id group by dr.task_id) "
				+ "select d.short_name, coalesce(sum(v.voided), 0), coalesce(sum(a.targets), 0), coalesce(sum(a.inspectors), 0) "
				+ "from ts join department d on d.id = ts.lead_department_id left join v on v.task_id = ts.id "
				+ "left join a on a.task_id = ts.id group by d.id, d.short_name, d.sort_order order by d.sort_order, d.id",
				params(scope), (rs, n) -> FigureRow.named(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
		return new Figure("corrections", ChartKind.BAR, "oversight.column.leadDepartment",
				List.of("oversight.column.drawsVoided", "oversight.column.targetsReplaced",
						"oversight.column.inspectorsReplaced"),
				List.of(0, 1, 2), rows);
	}

	/** Each void and amendment with its reason, newest first: what the assessment asks "why" about. */
	Figure correctionReasons(DashboardScope scope) {
		List<FigureRow> rows = this.jdbc.query("select t.code, 'void' as kind, dr.voided_at as at, dr.void_reason as reason, "
				+ "dr.voided_by as who, dr.void_approver as approver from draw dr join task t on t.id = dr.task_id "
				+ "where dr.voided_at is not null and t.task_year = :year and " + TASK_SCOPE
				+ " union all select t.code, a.type, a.recorded_at, a.reason, a.requested_by, a.approver "
				+ "from draw_amendment a join draw dr on dr.id = a.draw_id join task t on t.id = dr.task_id "
				+ "where t.task_year = :year and " + TASK_SCOPE + " order by 3 desc, 1", params(scope),
				(rs, n) -> {
					String kind = rs.getString(2);
					String reason = rs.getString(4);
					// an amendment's reason is a code with a label; a void's is the text its approver read
					Object why = "void".equals(kind) ? reason : new MessageKey("draw.reason." + reason, reason);
					return FigureRow.named(rs.getString(1), new MessageKey("oversight.kind." + kind, kind),
							rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(this.zone).toLocalDate().toString(),
							why, rs.getString(5), rs.getString(6));
				});
		return new Figure("correctionReasons", ChartKind.TABLE, "oversight.column.task",
				List.of("oversight.column.kind", "oversight.column.date", "oversight.column.reason",
						"oversight.column.requestedBy", "oversight.column.approver"),
				List.of(), rows);
	}

	private static MapSqlParameterSource params(DashboardScope scope) {
		return new MapSqlParameterSource().addValue("year", scope.year()).addValue("dept", scope.departmentId());
	}

	private static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	/** A share in percent with one decimal; zero of zero is zero. */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
