package org.doublerandom.inspection.oversight.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.doublerandom.inspection.oversight.Assessment;
import org.doublerandom.inspection.oversight.AssessmentFigures;
import org.doublerandom.inspection.oversight.AssessmentPeriod;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The assessment's rows. An entry counts when its plan is published (or closed), it is not merged into a
 * joint entry, the department leads it or takes part in it, and its period overlaps the assessment's. A void or
 * amendment counts on the day (in the application's time zone) it was recorded. Timeliness counts the
 * department's results whose inspection date falls in the period and that have a deadline (stored when the date
 * was entered): published on or before it, after it, or not published and past it today. Follow-ups count
 * those opened in the period on the department's results, by their status now.
 */
@Repository
class JdbcAssessmentFigures implements AssessmentFigures {

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	private final Clock clock;

	JdbcAssessmentFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
		this.clock = clock;
	}

	@Override
	public List<Assessment.EntryLine> entries(long departmentId, AssessmentPeriod period) {
		return this.jdbc.query("""
				select p.code as plan_code, p.name as plan_name, e.name as entry_name, d.short_name as lead_name,
				       e.lead_department_id = :dept as lead, e.period_from, e.period_to, t.code as task_code, t.state,
				       t.target_count,
				       (select count(*) from draw dr where dr.task_id = t.id and dr.voided_at is not null) as voided,
				       (select count(*) from draw_amendment a join draw dr on dr.id = a.draw_id where dr.task_id = t.id) as amended
				from plan_entry e
				join plan p on p.id = e.plan_id
				join department d on d.id = e.lead_department_id
				left join task t on t.plan_entry_id = e.id
				where p.state in ('PUBLISHED', 'CLOSED') and e.merged_into_id is null
				  and e.period_from <= :to and e.period_to >= :from
				  and exists (select 1 from plan_entry_department ed where ed.plan_entry_id = e.id and ed.department_id = :dept)
				order by e.period_from, p.code, e.sort_order, e.id""", params(departmentId, period),
				(rs, n) -> new Assessment.EntryLine(rs.getString("plan_code"), rs.getString("plan_name"),
						rs.getString("entry_name"), rs.getString("lead_name"), rs.getBoolean("lead"),
						rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
						rs.getString("task_code"), rs.getString("state"), (Integer) rs.getObject("target_count"),
						rs.getLong("voided"), rs.getLong("amended")));
	}

	@Override
	public List<Assessment.CorrectionLine> corrections(long departmentId, AssessmentPeriod period) {
		MapSqlParameterSource params = params(departmentId, period).addValue("zone", this.zone.getId());
		String inScope = "exists (select 1 from task_department td where td.task_id = t.id and td.department_id = :dept)";
		return this.jdbc.query("select t.code, 'void' as kind, dr.voided_at as at, dr.void_reason as reason, "
				+ "dr.voided_by as who, dr.void_approver as approver from draw dr join task t on t.id = dr.task_id "
				+ "where dr.voided_at is not null and " + inScope
				+ " and (dr.voided_at at time zone :zone)::date between :from and :to "
				+ "union all select t.code, a.type, a.recorded_at, a.reason, a.requested_by, a.approver "
				+ "from draw_amendment a join draw dr on dr.id = a.draw_id join task t on t.id = dr.task_id where " + inScope
				+ " and (a.recorded_at at time zone :zone)::date between :from and :to order by 3, 1", params,
				(rs, n) -> new Assessment.CorrectionLine(rs.getString(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(this.zone).toLocalDate(), rs.getString(4),
						rs.getString(5), rs.getString(6)));
	}

	@Override
	public Assessment.Timeliness timeliness(long departmentId, AssessmentPeriod period) {
		MapSqlParameterSource params = params(departmentId, period).addValue("zone", this.zone.getId())
			.addValue("today", LocalDate.now(this.clock));
		return this.jdbc.queryForObject("""
				select count(*) filter (where r.state = 'PUBLISHED' and (r.published_at at time zone :zone)::date <= r.deadline),
				       count(*) filter (where r.state = 'PUBLISHED' and (r.published_at at time zone :zone)::date > r.deadline),
				       count(*) filter (where r.state <> 'PUBLISHED' and r.deadline < :today),
				       count(*) filter (where r.state <> 'PUBLISHED' and r.deadline >= :today)
				from inspection_result r
				where r.department_id = :dept and r.deadline is not null and r.inspection_date between :from and :to""",
				params, (rs, n) -> new Assessment.Timeliness(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
	}

	@Override
	public Assessment.FollowUpCounts followUps(long departmentId, AssessmentPeriod period) {
		MapSqlParameterSource params = params(departmentId, period).addValue("zone", this.zone.getId());
		return this.jdbc.queryForObject("""
				select count(*) filter (where f.status = 'OPEN'), count(*) filter (where f.status = 'CLOSED')
				from result_follow_up f join inspection_result r on r.id = f.result_id
				where r.department_id = :dept and (f.opened_at at time zone :zone)::date between :from and :to""", params,
				(rs, n) -> new Assessment.FollowUpCounts(rs.getLong(1), rs.getLong(2)));
	}

	private static MapSqlParameterSource params(long departmentId, AssessmentPeriod period) {
		return new MapSqlParameterSource().addValue("dept", departmentId)
			.addValue("from", period.from())
			.addValue("to", period.to());
	}

}
