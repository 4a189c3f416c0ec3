package org.doublerandom.inspection.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.doublerandom.inspection.audit.AuditDepartment;
import org.doublerandom.inspection.audit.AuditEntry;
import org.doublerandom.inspection.audit.AuditLedger;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditQuery;
import org.doublerandom.inspection.audit.ChainHead;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The trail read with SQL: streamed in sequence order with a cursor (the caller's transaction keeps it
 * open), and searched with only the filters given.
 */
@Repository
class JdbcAuditLedger implements AuditLedger {

	/** The search counts its matches up to this many; more than that is shown as this many. */
	static final int COUNT_LIMIT = 100_000;

	static final String COLUMNS = "id, seq, occurred_at, actor, actor_roles, department_id, action, object_type, "
			+ "object_id, outcome, client_address, detail, prev_hash, hash";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	JdbcAuditLedger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor only inside a transaction and with a fetch size
		this.jdbc.setFetchSize(2_000);
		this.named = new NamedParameterJdbcTemplate(this.jdbc);
	}

	@Override
	public ChainHead head() {
		return this.jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1",
				(rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)));
	}

	@Override
	public void forEachInSequence(long fromSequenceNo, Consumer<AuditEntry> consumer) {
		this.jdbc.query("select " + COLUMNS + " from audit_event where seq >= ? order by seq",
				rs -> {
					consumer.accept(entry(rs));
				}, fromSequenceNo);
	}

	@Override
	public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query, params);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<AuditEntry> content = this.named.query("select " + COLUMNS + " from audit_event" + where
				+ " order by seq desc limit :limit offset :offset", params, (rs, n) -> entry(rs));
		params.addValue("countLimit", COUNT_LIMIT);
		Long total = this.named.queryForObject(
				"select count(*) from (select 1 from audit_event" + where + " limit :countLimit) matches", params,
				Long.class);
		return new PageImpl<>(content, pageable, Math.max((total != null) ? total : 0,
				pageable.getOffset() + content.size()));
	}

	@Override
	public void forEachMatching(AuditQuery query, int limit, Consumer<AuditEntry> consumer) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query, params);
		params.addValue("limit", limit);
		this.named.query("select " + COLUMNS + " from audit_event" + where + " order by seq desc limit :limit",
				params, rs -> {
					consumer.accept(entry(rs));
				});
	}

	@Override
	public List<AuditDepartment> departments() {
		return this.jdbc.query("select id, code, name from department order by region_code, sort_order, id",
				(rs, n) -> new AuditDepartment(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	private static String where(AuditQuery q, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (q.actor() != null) {
			conditions.add("actor like :actor escape '\\'");
			params.addValue("actor", likePrefix(q.actor()));
		}
		if (q.action() != null) {
			conditions.add("action like :action escape '\\'");
			params.addValue("action", likePrefix(q.action()));
		}
		if (q.objectType() != null) {
			conditions.add("object_type = :objectType");
			params.addValue("objectType", q.objectType());
		}
		if (q.objectId() != null) {
			conditions.add("object_id = :objectId");
			params.addValue("objectId", q.objectId());
		}
		if (q.outcome() != null) {
			conditions.add("outcome = :outcome");
			params.addValue("outcome", q.outcome().name());
		}
		if (q.from() != null) {
			conditions.add("occurred_at >= :from");
			params.addValue("from", Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			conditions.add("occurred_at < :to");
			params.addValue("to", Timestamp.from(q.to()));
		}
		if (q.departmentId() != null) {
			conditions.add("department_id = :departmentId");
			params.addValue("departmentId", q.departmentId());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static String likePrefix(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** By position, in the order of {@link #COLUMNS}: the verification reads a million rows. */
	static AuditEntry entry(ResultSet rs) throws SQLException {
		long department = rs.getLong(6);
		Long departmentId = rs.wasNull() ? null : department;
		String outcome = rs.getString(10);
		return new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
				rs.getString(5), departmentId, rs.getString(7), rs.getString(8), rs.getString(9),
				(outcome != null) ? AuditOutcome.valueOf(outcome) : null, rs.getString(11), rs.getString(12),
				rs.getString(13), rs.getString(14));
	}

}
