package org.doublerandom.inspection.result.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.result.ResultState;
import org.doublerandom.inspection.result.WorkRow;
import org.doublerandom.inspection.result.Worklist;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The worklist from the live draw of each dispatched task: its selected targets (a target replaced by an
 * amendment gives way to its reserve, which takes over its team), each team slot with the inspector amendments
 * applied, times the task's participating departments, with the department's result if one was started.
 */
@Repository
class JdbcWorklist implements Worklist {

	private static final String QUERY = """
			with picked as (
			    select d.id as draw_id, d.task_id, s.target_id as token, p.registry_id,
			           coalesce((select a.target_id from draw_amendment a where a.draw_id = d.id and a.type = 'target'
			                     and a.replacement = s.target_id order by a.seq desc limit 1), s.target_id) as team_token
			    from draw d
			    join draw_result dr on dr.draw_id = d.id and dr.status = 'ASSIGNED'
			    join draw_selected s on s.draw_id = d.id
			    join draw_pool p on p.draw_id = d.id and p.target_id = s.target_id
			    where d.voided_at is null
			      and ((not s.reserve and not exists (select 1 from draw_amendment a where a.draw_id = d.id
			                and a.type = 'target' and a.target_id = s.target_id))
			           or exists (select 1 from draw_amendment a where a.draw_id = d.id and a.type = 'target'
			                and a.replacement = s.target_id))
			), slots as (
			    select pk.draw_id, pk.token, ts.department, ts.slot,
			           coalesce((select a.replacement from draw_amendment a where a.draw_id = ts.draw_id
			                     and a.type = 'inspector' and a.target_id = ts.target_id
			                     and (a.amendment_json::jsonb ->> 'department') = ts.department
			                     and (a.amendment_json::jsonb ->> 'slot')::int = ts.slot
			                     order by a.seq desc limit 1), ts.inspector_id) as inspector_id
			    from picked pk join draw_team_slot ts on ts.draw_id = pk.draw_id and ts.target_id = pk.team_token
			)
			select t.id as task_id, t.code as task_code, t.name as task_name, t.schedule_from, t.schedule_to, pk.draw_id,
			       td.department_id, dep.name as department_name, tg.id as target_id, tg.name as target_name,
			       tg.code as target_code, td.items,
			       coalesce((select string_agg(i.name || '（' || sd.short_name || '）', '、'
			                        order by sd.sort_order, s.department, s.slot)
			                 from slots s
			                 join draw_roster ro on ro.draw_id = s.draw_id and ro.inspector_id = s.inspector_id
			                 join inspector i on i.id = ro.registry_id
			                 join department sd on sd.code = s.department
			                 where s.draw_id = pk.draw_id and s.token = pk.token), '') as team,
			       r.id as result_id, r.state, r.inspection_date, r.deadline
			from picked pk
			join task t on t.id = pk.task_id and t.state in ('DISPATCHED', 'IN_PROGRESS', 'RESULTS_DUE', 'CLOSED')
			join task_department td on td.task_id = t.id
			join department dep on dep.id = td.department_id
			join target tg on tg.id = pk.registry_id
			left join inspection_result r on r.task_id = t.id and r.target_id = tg.id and r.department_id = td.department_id
			where (cast(:department as bigint) is null or td.department_id = :department)
			  and (cast(:username as varchar) is null or exists (select 1 from slots s
			        join draw_roster ro on ro.draw_id = s.draw_id and ro.inspector_id = s.inspector_id
			        join inspector i on i.id = ro.registry_id
			        join user_account u on u.id = i.user_account_id
			        where s.draw_id = pk.draw_id and s.token = pk.token and u.username = :username))
			  and (cast(:task as bigint) is null or t.id = :task)
			  and (cast(:target as bigint) is null or tg.id = :target)
			order by t.schedule_to, t.code, dep.sort_order, dep.code, tg.name, tg.id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	JdbcWorklist(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkRow> rows(Long departmentId, String username) {
		return query(departmentId, username, null, null);
	}

	@Override
	public Optional<WorkRow> row(long taskId, long targetId, long departmentId) {
		return query(departmentId, null, taskId, targetId).stream().findFirst();
	}

	@Override
	public List<WorkRow> forTask(long taskId, long departmentId) {
		return query(departmentId, null, taskId, null);
	}

	@Override
	public boolean onRoster(String username) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from inspector i join user_account u on u.id = i.user_account_id where u.username = :username)",
				new MapSqlParameterSource("username", username), Boolean.class));
	}

	private List<WorkRow> query(Long departmentId, String username, Long taskId, Long targetId) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("department", departmentId)
			.addValue("username", username)
			.addValue("task", taskId)
			.addValue("target", targetId);
		return this.jdbc.query(QUERY, params, JdbcWorklist::row);
	}

	private static WorkRow row(ResultSet rs, int n) throws SQLException {
		long resultId = rs.getLong("result_id");
		Long result = rs.wasNull() ? null : resultId;
		String state = rs.getString("state");
		return new WorkRow(rs.getLong("task_id"), rs.getString("task_code"), rs.getString("task_name"),
				rs.getObject("schedule_from", LocalDate.class), rs.getObject("schedule_to", LocalDate.class),
				rs.getLong("draw_id"), rs.getLong("department_id"), rs.getString("department_name"), rs.getLong("target_id"),
				rs.getString("target_name"), rs.getString("target_code"), rs.getString("items"), rs.getString("team"), result,
				(state != null) ? ResultState.valueOf(state) : null, rs.getObject("inspection_date", LocalDate.class),
				rs.getObject("deadline", LocalDate.class));
	}

}
