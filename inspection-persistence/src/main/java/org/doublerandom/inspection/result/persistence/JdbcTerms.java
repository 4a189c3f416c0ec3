package org.doublerandom.inspection.result.persistence;

import java.util.List;

import org.doublerandom.inspection.result.Terms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The dictionary values in their order, active or retired. */
@Repository
class JdbcTerms implements Terms {

	private final JdbcTemplate jdbc;

	JdbcTerms(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Term> terms(String dictionary) {
		return this.jdbc.query("select code, name_zh, name_en, active from dictionary_entry where dictionary = ? "
				+ "order by sort_order, code", (rs, n) -> new Term(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getBoolean(4)), dictionary);
	}

}
