package org.doublerandom.inspection.oversight.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.audit.AuditEntry;
import org.doublerandom.inspection.audit.AuditJson;
import org.doublerandom.inspection.audit.AuditLedger;
import org.doublerandom.inspection.audit.AuditQuery;
import org.doublerandom.inspection.oversight.DossierJson;
import org.doublerandom.inspection.oversight.DossierSection;
import org.doublerandom.inspection.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The results part of a task's dossier (存档): every department's results of the task with their item lines,
 * methods, category, follow-up measures, team, review steps (复核: who, opinion, when) and follow-ups (抄告 and
 * 移送 with their receivers), in {@code results/results.json}; each attachment as the file itself under
 * {@code results/<result id>/}; and the results' audit events. An attachment's bytes are hashed again and
 * compared with the SHA-256 stored at upload ({@code sha256Matches}): a mismatch is shown, not hidden. A task
 * without results adds nothing.
 */
@Repository
class JdbcResultDossier implements DossierSection {

	/** Audit events per result read into the dossier, at most (a result has tens). */
	static final int AUDIT_LIMIT = 10_000;

	private final JdbcTemplate jdbc;

	private final AuditLedger ledger;

	JdbcResultDossier(JdbcTemplate jdbc, AuditLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public void write(Task task, Files files) throws IOException {
		List<Map<String, Object>> results = this.jdbc.query("""
				select r.*, d.code as department_code, d.name as department_name, tg.code as target_code,
				       tg.name as target_name, c.name_zh as category_name, c.problem_found
				from inspection_result r
				join department d on d.id = r.department_id
				join target tg on tg.id = r.target_id
				left join dictionary_entry c on c.dictionary = 'RESULT_CATEGORY' and c.code = r.category_code
				where r.task_id = ? order by d.sort_order, d.id, tg.name, r.id""", JdbcResultDossier::result, task.getId());
		if (results.isEmpty()) {
			return;
		}
		List<AuditEntry> events = new ArrayList<>();
		for (Map<String, Object> result : results) {
			long id = (Long) result.get("id");
			result.put("items", this.jdbc.query("select item_code, item_name, checked, problems, handling "
					+ "from inspection_result_item where result_id = ? order by position, item_code", (rs, n) -> {
						Map<String, Object> item = new LinkedHashMap<>();
						item.put("code", rs.getString(1));
						item.put("name", rs.getString(2));
						item.put("checked", rs.getBoolean(3));
						item.put("problems", rs.getString(4));
						item.put("handling", rs.getString(5));
						return item;
					}, id));
			result.put("methods", this.jdbc.queryForList("select method from inspection_result_method where result_id = ? "
					+ "order by method", String.class, id));
			result.put("measures", this.jdbc.query("select m.measure_code, e.name_zh from inspection_result_measure m "
					+ "left join dictionary_entry e on e.dictionary = 'FOLLOW_UP_MEASURE' and e.code = m.measure_code "
					+ "where m.result_id = ? order by e.sort_order, m.measure_code", (rs, n) -> {
						Map<String, Object> measure = new LinkedHashMap<>();
						measure.put("code", rs.getString(1));
						measure.put("name", rs.getString(2));
						return measure;
					}, id));
			result.put("reviewSteps", this.jdbc.query("select seq, action, actor, at, opinion from inspection_result_step "
					+ "where result_id = ? order by seq", (rs, n) -> {
						Map<String, Object> step = new LinkedHashMap<>();
						step.put("seq", rs.getInt(1));
						step.put("action", rs.getString(2));
						step.put("actor", rs.getString(3));
						step.put("at", instant(rs, 4));
						step.put("opinion", rs.getString(5));
						return step;
					}, id));
			result.put("followUps", this.jdbc.query("select f.id, f.kind, f.description, d.code, d.name, f.receiving_body, "
					+ "f.status, f.opened_by, f.opened_at, f.closed_on, f.closing_note, f.closed_by from result_follow_up f "
					+ "left join department d on d.id = f.receiving_department_id where f.result_id = ? order by f.id",
					(rs, n) -> {
						Map<String, Object> followUp = new LinkedHashMap<>();
						followUp.put("id", rs.getLong(1));
						followUp.put("kind", rs.getString(2));
						followUp.put("description", rs.getString(3));
						followUp.put("receivingDepartment", rs.getString(4));
						followUp.put("receivingDepartmentName", rs.getString(5));
						followUp.put("receivingBody", rs.getString(6));
						followUp.put("status", rs.getString(7));
						followUp.put("openedBy", rs.getString(8));
						followUp.put("openedAt", instant(rs, 9));
						followUp.put("closedOn", rs.getObject(10, LocalDate.class));
						followUp.put("closingNote", rs.getString(11));
						followUp.put("closedBy", rs.getString(12));
						return followUp;
					}, id));
			result.put("attachments", attachments(id, files));
			this.ledger.forEachMatching(new AuditQuery(null, null, "inspectionResult", String.valueOf(id), null, null, null,
					null), AUDIT_LIMIT, events::add);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("task", task.getCode());
		json.put("results", results);
		files.add("results/results.json", DossierJson.bytes(json));
		StringBuilder lines = new StringBuilder();
		events.stream()
			.sorted(Comparator.comparingLong(AuditEntry::sequenceNo))
			.forEach(e -> lines.append(AuditJson.exportLine(e)).append('\n'));
		if (!events.isEmpty()) {
			files.add("results/audit-events.jsonl", lines.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	/** Each attachment of the result, one at a time (the upload policy bounds their size), written as a file. */
	private List<Map<String, Object>> attachments(long resultId, Files files) throws IOException {
		List<Long> ids = this.jdbc.queryForList("select id from inspection_result_attachment where result_id = ? order by id",
				Long.class, resultId);
		List<Map<String, Object>> list = new ArrayList<>();
		for (long id : ids) {
			Map<String, Object> attachment = new LinkedHashMap<>();
			byte[][] content = new byte[1][];
			this.jdbc.query("select file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content "
					+ "from inspection_result_attachment where id = ?", rs -> {
						attachment.put("id", id);
						attachment.put("fileName", rs.getString(1));
						attachment.put("contentType", rs.getString(2));
						attachment.put("bytes", rs.getLong(3));
						attachment.put("sha256", rs.getString(4));
						attachment.put("uploadedBy", rs.getString(5));
						attachment.put("uploadedAt", instant(rs, 6));
						content[0] = rs.getBytes(7);
					}, id);
			String path = "results/" + resultId + "/" + id + "-" + safeName((String) attachment.get("fileName"));
			attachment.put("path", path);
			attachment.put("sha256Matches", sha256(content[0]).equals(attachment.get("sha256")));
			files.add(path, content[0]);
			list.add(attachment);
		}
		return list;
	}

	/** The uploaded name as a single path segment: no separators, no control characters. */
	static String safeName(String name) {
		String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		return (safe.isEmpty() || safe.startsWith(".")) ? "_" + safe : safe;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> result(ResultSet rs, int n) throws SQLException {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", rs.getLong("id"));
		result.put("department", rs.getString("department_code"));
		result.put("departmentName", rs.getString("department_name"));
		result.put("targetCode", rs.getString("target_code"));
		result.put("targetName", rs.getString("target_name"));
		result.put("state", rs.getString("state"));
		result.put("inspectionDate", rs.getObject("inspection_date", LocalDate.class));
		result.put("category", rs.getString("category_code"));
		result.put("categoryName", rs.getString("category_name"));
		boolean problemFound = rs.getBoolean("problem_found");
		result.put("problemFound", rs.wasNull() ? null : problemFound);
		result.put("team", rs.getString("team"));
		result.put("deadline", rs.getObject("deadline", LocalDate.class));
		result.put("lateReason", rs.getString("late_reason"));
		result.put("abnormalList", rs.getBoolean("abnormal_list"));
		result.put("enteredBy", rs.getString("entered_by"));
		result.put("enteredAt", instant(rs, "entered_at"));
		result.put("submittedAt", instant(rs, "submitted_at"));
		result.put("reviewedBy", rs.getString("reviewed_by"));
		result.put("reviewedAt", instant(rs, "reviewed_at"));
		result.put("reviewOpinion", rs.getString("review_opinion"));
		result.put("publishedAt", instant(rs, "published_at"));
		return result;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

}
