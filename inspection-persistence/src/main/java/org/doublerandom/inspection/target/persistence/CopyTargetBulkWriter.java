package org.doublerandom.inspection.target.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.doublerandom.inspection.target.TargetBulkWriter;
import org.doublerandom.inspection.target.TargetData;
import org.doublerandom.inspection.target.ValidTarget;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk writes through COPY into a temporary table, then one set-based insert (or upsert) into the registry:
 * the fastest way PostgreSQL offers, and all of it in the caller's transaction, so an import commits all its
 * rows or none.
 */
@Repository
class CopyTargetBulkWriter implements TargetBulkWriter {

	private static final int CHUNK = 50_000;

	private static final int ANALYZE_AFTER = 10_000;

	private static final String COLUMNS = "kind, code_type, code, name, region_code, address, industry_section_code, "
			+ "industry_division_code, registration_authority, established_on, status, abnormal_listed, credit_class, "
			+ "credit_class_on, credit_class_source, key_supervision";

	private final DataSource dataSource;

	private final Clock clock;

	private final SQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();

	CopyTargetBulkWriter(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Written write(List<ValidTarget> rows, Long departmentId, boolean updateExisting) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temp table if not exists import_target (" + "kind varchar(32), code_type varchar(16), "
					+ "code varchar(64) collate \"C\", name varchar(200), region_code varchar(6), address varchar(300), "
					+ "industry_section_code varchar(1), industry_division_code varchar(2), "
					+ "registration_authority varchar(100), established_on date, status varchar(16), "
					+ "abnormal_listed boolean, credit_class varchar(1), credit_class_on date, "
					+ "credit_class_source varchar(100), key_supervision boolean, tags text, target_id bigint, "
					+ "existing boolean not null default false) on commit drop");
			statement.execute("truncate import_target");
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int from = 0; from < rows.size(); from += CHUNK) {
				StringBuilder csv = new StringBuilder(CHUNK * 160);
				for (ValidTarget row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
					appendCsv(csv, row);
				}
				copy.copyIn("copy import_target (" + COLUMNS + ", tags) from stdin (format csv)",
						new StringReader(csv.toString()));
			}
			// the planner must know the staging table's size, or it scans the registry once per chunk
			statement.execute("analyze import_target");
			Instant now = this.clock.instant();
			int existing = resolveIds(statement, true);
			int inserted;
			try (var insert = connection.prepareStatement("insert into target (" + COLUMNS
					+ ", created_at, updated_at) select " + COLUMNS + ", ?, ? from import_target where target_id is null "
					+ "on conflict do nothing")) {
				insert.setObject(1, Timestamp.from(now));
				insert.setObject(2, Timestamp.from(now));
				inserted = insert.executeUpdate();
			}
			resolveIds(statement, false);
			if (updateExisting && existing > 0) {
				try (var update = connection.prepareStatement("update target t set kind = i.kind, name = i.name, "
						+ "region_code = i.region_code, address = i.address, industry_section_code = i.industry_section_code, "
						+ "industry_division_code = i.industry_division_code, registration_authority = i.registration_authority, "
						+ "established_on = i.established_on, status = i.status, abnormal_listed = i.abnormal_listed, "
						+ "credit_class = i.credit_class, credit_class_on = i.credit_class_on, "
						+ "credit_class_source = i.credit_class_source, key_supervision = i.key_supervision, updated_at = ?, "
						+ "version = t.version + 1 from import_target i where t.id = i.target_id and i.existing")) {
					update.setObject(1, Timestamp.from(now));
					update.executeUpdate();
				}
				statement.execute("delete from target_tag g using import_target i where g.target_id = i.target_id "
						+ "and i.existing");
			}
			statement.execute("insert into target_tag (target_id, tag) select distinct i.target_id, tag from import_target i "
					+ "cross join lateral unnest(string_to_array(i.tags, '|')) tag where i.tags is not null "
					+ "and (not i.existing or " + updateExisting + ") on conflict do nothing");
			int linked;
			try (var link = connection.prepareStatement("insert into target_department (target_id, department_id, linked_at) "
					+ "select i.target_id, ?, ? from import_target i on conflict do nothing")) {
				link.setLong(1, departmentId);
				link.setObject(2, Timestamp.from(now));
				linked = link.executeUpdate();
			}
			if (rows.size() >= ANALYZE_AFTER) {
				// fresh statistics after a big load, so the very next list query gets a good plan
				statement.execute("analyze target");
				statement.execute("analyze target_department");
			}
			return new Written(inserted, updateExisting ? existing : 0, linked);
		}
		catch (SQLException ex) {
			throw Objects.requireNonNull(this.translator.translate("bulk target write", null, ex));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public int countExisting(List<String> codes) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (var query = connection.prepareStatement("select count(*) from target where code = any (?)")) {
			query.setArray(1, connection.createArrayOf("varchar", codes.toArray()));
			try (var rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw Objects.requireNonNull(this.translator.translate("count existing targets", null, ex));
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Looks up the registry id of every staged row still without one, by its code, through the registry's
	 * unique indexes; before the insert these are the rows already in the registry ({@code existing}).
	 */
	private static int resolveIds(Statement statement, boolean existing) throws SQLException {
		int byCreditCode = statement.executeUpdate("update import_target i set target_id = t.id, existing = " + existing
				+ " from target t where i.target_id is null and i.code_type <> 'OTHER' and t.code = i.code "
				+ "and t.code_type in ('USCC', 'REGISTRATION_NO')");
		int byOwnCode = statement.executeUpdate("update import_target i set target_id = t.id, existing = " + existing
				+ " from target t where i.target_id is null and i.code_type = 'OTHER' and t.kind = i.kind "
				+ "and t.code = i.code and t.code_type = 'OTHER'");
		return byCreditCode + byOwnCode;
	}

	static void appendCsv(StringBuilder csv, ValidTarget row) {
		TargetData d = row.data();
		field(csv, d.kind().name());
		field(csv, row.codeType().name());
		field(csv, row.code());
		field(csv, d.name().strip());
		field(csv, d.regionCode());
		field(csv, blankToNull(d.address()));
		field(csv, row.industrySectionCode());
		field(csv, blankToNull(d.industryDivisionCode()));
		field(csv, blankToNull(d.registrationAuthority()));
		field(csv, (d.establishedOn() != null) ? d.establishedOn().toString() : null);
		field(csv, d.status().name());
		field(csv, String.valueOf(d.abnormalListed()));
		field(csv, (d.creditClass() != null) ? d.creditClass().name() : null);
		field(csv, (d.creditClassOn() != null) ? d.creditClassOn().toString() : null);
		field(csv, blankToNull(d.creditClassSource()));
		field(csv, String.valueOf(d.keySupervision()));
		csv.append(d.tags().isEmpty() ? "" : quote(String.join("|", d.tags()))).append('\n');
	}

	private static void field(StringBuilder csv, String value) {
		// an unquoted empty field is NULL in COPY's csv format; a quoted one would be an empty string
		if (value != null) {
			csv.append(quote(value));
		}
		csv.append(',');
	}

	private static String quote(String value) {
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
