package org.doublerandom.inspection.result.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.result.Attachment;
import org.doublerandom.inspection.result.ResultAttachments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Attachments in bytea; listings never read the content. */
@Repository
class JdbcResultAttachments implements ResultAttachments {

	private static final String COLUMNS = "id, result_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

	private final JdbcTemplate jdbc;

	JdbcResultAttachments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Attachment> forResult(long resultId) {
		return this.jdbc.query("select " + COLUMNS + " from inspection_result_attachment where result_id = ? order by id",
				JdbcResultAttachments::attachment, resultId);
	}

	@Override
	public Optional<Attachment> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from inspection_result_attachment where id = ?",
				JdbcResultAttachments::attachment, id).stream().findFirst();
	}

	@Override
	public Optional<byte[]> content(long id) {
		return this.jdbc.query("select content from inspection_result_attachment where id = ?", (rs, n) -> rs.getBytes(1), id)
			.stream()
			.findFirst();
	}

	@Override
	public long add(long resultId, String fileName, String contentType, byte[] content, String sha256, String by,
			Instant at) {
		return this.jdbc.queryForObject("""
				insert into inspection_result_attachment (result_id, file_name, content_type, size_bytes, sha256, content,
				                                          uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, resultId, fileName, contentType,
				(long) content.length, sha256, content, by, Timestamp.from(at));
	}

	@Override
	public void delete(long id) {
		this.jdbc.update("delete from inspection_result_attachment where id = ?", id);
	}

	private static Attachment attachment(ResultSet rs, int n) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("result_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

}
