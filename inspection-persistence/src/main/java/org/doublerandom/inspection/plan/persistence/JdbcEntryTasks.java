package org.doublerandom.inspection.plan.persistence;

import java.util.Optional;

import org.doublerandom.inspection.plan.EntryTasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The task of an entry, read from the task table (one task per entry, database-enforced). */
@Repository
class JdbcEntryTasks implements EntryTasks {

	private final JdbcTemplate jdbc;

	JdbcEntryTasks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<EntryTask> taskOf(Long entryId) {
		return this.jdbc.query("select id, code, state, target_count from task where plan_entry_id = ?",
				(rs, n) -> new EntryTask(rs.getLong("id"), rs.getString("code"), rs.getString("state"),
						(Integer) rs.getObject("target_count")),
				entryId).stream().findFirst();
	}

}
