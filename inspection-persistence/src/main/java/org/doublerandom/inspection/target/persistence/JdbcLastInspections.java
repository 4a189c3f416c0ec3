package org.doublerandom.inspection.target.persistence;

import java.time.LocalDate;
import java.util.List;

import org.doublerandom.inspection.target.LastInspection;
import org.doublerandom.inspection.target.LastInspections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLastInspections implements LastInspections {

	private final JdbcTemplate jdbc;

	JdbcLastInspections(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<LastInspection> forTarget(Long targetId) {
		return this.jdbc.query("""
				select department_id, item_code, last_inspected_on from target_item_inspection
				where target_id = ? order by last_inspected_on desc, item_code""",
				(rs, n) -> new LastInspection(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)), targetId);
	}

}
