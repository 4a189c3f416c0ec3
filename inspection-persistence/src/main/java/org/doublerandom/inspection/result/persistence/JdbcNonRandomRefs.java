package org.doublerandom.inspection.result.persistence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doublerandom.inspection.result.NonRandomRefs;
import org.doublerandom.inspection.result.NonRandomType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The registry target and item list a non-random inspection refers to, and the published ones for the public. */
@Repository
class JdbcNonRandomRefs implements NonRandomRefs {

	private final JdbcTemplate jdbc;

	JdbcNonRandomRefs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<TargetRef> targetByCode(String code) {
		return this.jdbc.query("select id, code, name from target where code = ?",
				(rs, n) -> new TargetRef(rs.getLong(1), rs.getString(2), rs.getString(3)), code).stream().findFirst();
	}

	@Override
	public Optional<TargetRef> target(long id) {
		return this.jdbc.query("select id, code, name from target where id = ?",
				(rs, n) -> new TargetRef(rs.getLong(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
	}

	@Override
	public Map<String, String> publishedItems(long departmentId) {
		Map<String, String> items = new LinkedHashMap<>();
		this.jdbc.query("""
				select i.code, i.name from inspection_item i join item_list l on l.id = i.item_list_id
				where l.department_id = ? and not l.joint and l.status = 'PUBLISHED'
				order by i.code""", rs -> {
			items.put(rs.getString(1), rs.getString(2));
		}, departmentId);
		return items;
	}

	@Override
	public List<PublicOther> publishedForTarget(long targetId) {
		return this.jdbc.query("""
				select n.id, n.type, d.name, n.inspection_date, n.category_code,
				       (n.published_at at time zone 'Asia/Shanghai')::date
				from non_random_inspection n join department d on d.id = n.department_id
				where n.published_at is not null and n.target_id = ?
				order by n.inspection_date desc, n.id desc""",
				(rs, n) -> new PublicOther(rs.getLong(1), NonRandomType.valueOf(rs.getString(2)), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class)),
				targetId);
	}

}
