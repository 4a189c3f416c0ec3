package org.doublerandom.inspection.draw.persistence;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.doublerandom.inspection.draw.CandidateStream;
import org.doublerandom.inspection.draw.CanonicalCsv;
import org.doublerandom.inspection.draw.ConflictRow;
import org.doublerandom.inspection.draw.DrawResult;
import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.draw.HistoryRow;
import org.doublerandom.inspection.draw.MatchingOutcome;
import org.doublerandom.inspection.draw.RosterRow;
import org.doublerandom.inspection.draw.TargetSelection;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.plan.persistence.JdbcScopeCounts;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.task.persistence.PublicTaskMatch;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The draw's tables in SQL. The pool is built with one INSERT … SELECT over the registry (no row travels to
 * the application); the result goes in by COPY (result.json streamed into its row, then the selected targets
 * and the team slots); the canonical files stream out by COPY in collation "C" order, which is the bytewise
 * order the spec requires.
 */
@Repository
class JdbcDrawStore implements DrawStore {

	/** The draw's target id: the credit code or 注册号, else T-<registry number> (§2). */
	static final String TARGET_TOKEN = "(case when t.code_type in ('USCC', 'REGISTRATION_NO') then t.code "
			+ "else 'T-' || t.id end)";

	private static final String DRAW_COLUMNS = "id, task_id, prechecked_at, prechecked_by, frozen_at, frozen_by, plan_json, "
			+ "plan_hash, committed_at, committed_by, drand_round, drand_due_at, voided_at, voided_by, void_reason, void_approver, demo";

	private final NamedParameterJdbcTemplate jdbc;

	JdbcDrawStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

	private static final RowMapper<Stored> STORED = (rs, n) -> new Stored(rs.getLong("id"), rs.getLong("task_id"),
			instant(rs, "prechecked_at"), rs.getString("prechecked_by"), instant(rs, "frozen_at"), rs.getString("frozen_by"),
			rs.getBytes("plan_json"), rs.getString("plan_hash"), instant(rs, "committed_at"), rs.getString("committed_by"),
			(Long) rs.getObject("drand_round"), instant(rs, "drand_due_at"), instant(rs, "voided_at"), rs.getString("voided_by"),
			rs.getString("void_reason"), rs.getString("void_approver"), rs.getBoolean("demo"));

	private static MapSqlParameterSource draw(long drawId) {
		return new MapSqlParameterSource("draw", drawId);
	}

	private static Timestamp ts(Instant at) {
		return (at != null) ? Timestamp.from(at) : null;
	}

	@Override
	public Optional<Stored> live(long taskId) {
		return this.jdbc.query("select " + DRAW_COLUMNS + " from draw where task_id = :task and voided_at is null",
				new MapSqlParameterSource("task", taskId), STORED).stream().findFirst();
	}

	@Override
	public Optional<Stored> find(long drawId) {
		return this.jdbc.query("select " + DRAW_COLUMNS + " from draw where id = :draw", draw(drawId), STORED).stream().findFirst();
	}

	@Override
	public List<Long> awaitingDrand(Instant now) {
		return this.jdbc.queryForList("select d.task_id from draw d where d.voided_at is null and d.plan_hash is not null "
				+ "and d.drand_due_at <= :now and not d.demo and not exists (select 1 from draw_result r where r.draw_id = d.id) "
				+ "and not exists (select 1 from draw_source_value v where v.draw_id = d.id and v.kind = 'drand') "
				+ "order by d.drand_due_at, d.id", new MapSqlParameterSource("now", ts(now)), Long.class);
	}

	@Override
	public Optional<Stored> lock(long drawId) {
		return this.jdbc.query("select " + DRAW_COLUMNS + " from draw where id = :draw for update", draw(drawId), STORED)
			.stream()
			.findFirst();
	}

	@Override
	public List<Stored> forTask(long taskId) {
		return this.jdbc.query("select " + DRAW_COLUMNS + " from draw where task_id = :task order by id",
				new MapSqlParameterSource("task", taskId), STORED);
	}

	@Override
	public List<Stored> committed(int limit) {
		return this.jdbc.query("select " + DRAW_COLUMNS + " from draw where plan_hash is not null "
				+ "order by committed_at desc, id desc limit :limit", new MapSqlParameterSource("limit", limit), STORED);
	}

	@Override
	public Page<Stored> committed(PublicListFilter filter, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = " from draw d join task t on t.id = d.task_id where d.plan_hash is not null"
				+ PublicTaskMatch.conditions(filter, params);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<Stored> rows = this.jdbc.query("select d." + DRAW_COLUMNS.replace(", ", ", d.") + where
				+ " order by d.committed_at desc, d.id desc limit :limit offset :offset", params, STORED);
		Long total = this.jdbc.queryForObject("select count(*)" + where, params, Long.class);
		return new PageImpl<>(rows, pageable, (total != null) ? total : 0);
	}

	@Override
	public long precheck(long taskId, PoolQuery query, String by, Instant at, boolean demo) {
		Long drawId = live(taskId).map(Stored::id).orElse(null);
		if (drawId == null) {
			drawId = this.jdbc.queryForObject("insert into draw (task_id, attributes, prechecked_at, prechecked_by, demo) "
					+ "values (:task, :attributes, :at, :by, :demo) returning id",
					new MapSqlParameterSource("task", taskId).addValue("attributes", String.join(",", ATTRIBUTES))
						.addValue("at", ts(at)).addValue("by", by).addValue("demo", demo), Long.class);
		}
		else {
			this.jdbc.update("delete from draw_pool where draw_id = :draw", draw(drawId));
			this.jdbc.update("update draw set prechecked_at = :at, prechecked_by = :by where id = :draw",
					draw(drawId).addValue("at", ts(at)).addValue("by", by));
		}
		MapSqlParameterSource params = draw(drawId);
		TargetScope scope = query.scope();
		String where = JdbcScopeCounts.where(new TargetScope(scope.kinds(), scope.regionCodes(), scope.industryCodes(),
				scope.creditBands(), null, scope.tags(), scope.licences(), scope.keySupervisionOnly()), null, params);
		List<String> reasons = new ArrayList<>();
		if (query.statusesInScope().isEmpty()) {
			reasons.add("when t.status in ('DEREGISTERED', 'REVOKED', 'CANCELLED') then t.status");
		}
		else {
			reasons.add("when t.status not in (:statuses) then t.status");
			params.addValue("statuses", List.copyOf(query.statusesInScope()));
		}
		if (query.inspectedSince() != null && !query.departmentItemKeys().isEmpty()) {
			reasons.add("when exists (select 1 from target_item_inspection i where i.target_id = t.id "
					+ "and i.last_inspected_on >= :since and (i.department_id || ':' || i.item_code) in (:itemKeys)) "
					+ "then 'INSPECTED_RECENTLY'");
			params.addValue("since", query.inspectedSince()).addValue("itemKeys", List.copyOf(query.departmentItemKeys()));
		}
		if (!query.itemCodes().isEmpty()) {
			// 已在其他在办任务中: on the list of another live draw whose task is open and checks one of the items
			reasons.add("when exists (select 1 from draw_pool p2 join draw_selected s on s.draw_id = p2.draw_id "
					+ "and s.target_id = p2.target_id and not s.reserve join draw d2 on d2.id = p2.draw_id "
					+ "and d2.voided_at is null and d2.task_id <> :task join task k on k.id = d2.task_id "
					+ "and k.state <> 'CLOSED' join plan_entry_item e on e.plan_entry_id = k.plan_entry_id "
					+ "and e.item_code in (:itemCodes) where p2.registry_id = t.id) then 'IN_OPEN_TASK'");
			params.addValue("itemCodes", List.copyOf(query.itemCodes())).addValue("task", taskId);
		}
		reasons.add("when coalesce(t.credit_class, 'NONE') not in (:bands) then 'NOT_SAMPLED'");
		params.addValue("bands", query.sampledBands().isEmpty() ? List.of("-") : List.copyOf(query.sampledBands()));
		this.jdbc.update("insert into draw_pool (draw_id, target_id, registry_id, stratum_values, excluded) "
				+ "select :draw, " + TARGET_TOKEN + ", t.id, coalesce(t.credit_class, 'NONE') || ',' || t.region_code, "
				+ "case " + String.join(" ", reasons) + " end from target t" + where, params);
		return drawId;
	}

	@Override
	public SortedMap<String, Long> exclusionCounts(long drawId) {
		SortedMap<String, Long> counts = new TreeMap<>();
		this.jdbc.query("select coalesce(excluded, '') as reason, count(*) as n from draw_pool where draw_id = :draw group by 1",
				draw(drawId), rs -> {
					counts.put(rs.getString("reason"), rs.getLong("n"));
				});
		return counts;
	}

	@Override
	public SortedMap<String, Long> strataCounts(long drawId) {
		SortedMap<String, Long> counts = new TreeMap<>();
		// counted once at the freeze (draw_stratum); before it, from the pool being pre-checked
		this.jdbc.query("select stratum, n from draw_stratum where draw_id = :draw", draw(drawId), rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		if (!counts.isEmpty()) {
			return counts;
		}
		this.jdbc.query("select replace(stratum_values, ',', '/') as k, count(*) as n from draw_pool "
				+ "where draw_id = :draw and excluded is null group by 1", draw(drawId), rs -> {
					counts.put(rs.getString("k"), rs.getLong("n"));
				});
		return counts;
	}

	@Override
	public void freeze(long drawId, RosterQuery query, String by, Instant at) {
		MapSqlParameterSource params = draw(drawId).addValue("departments", List.copyOf(query.departments().keySet()))
			.addValue("through", query.certificatesValidThrough())
			.addValue("yearFrom", ts(java.time.LocalDate.of(query.loadYear(), 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
			.addValue("yearTo", ts(java.time.LocalDate.of(query.loadYear() + 1, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		// 在岗, 持有效执法证 through the task's end (experts hold no enforcement power), of a taking-part department;
		// prior load: the slots the person holds in this year's drawn, live draws
		this.jdbc.update("""
				insert into draw_roster (draw_id, inspector_id, registry_id, department, kind, prior_load, items)
				select :draw, 'I-' || i.id, i.id, d.code, i.kind,
				       least(1000000, (select count(*) from draw_team_slot s join draw_result r on r.draw_id = s.draw_id
				                       join draw w on w.id = s.draw_id and w.voided_at is null
				                       where s.inspector_id = 'I-' || i.id and r.drawn_at >= :yearFrom and r.drawn_at < :yearTo)),
				       coalesce((select string_agg(q.item_code collate "C", '|' order by q.item_code collate "C")
				                 from inspector_item q where q.inspector_id = i.id), '')
				from inspector i join department d on d.id = i.department_id
				where i.department_id in (:departments) and i.status = 'ACTIVE'
				  and (i.kind = 'EXPERT' or exists (select 1 from inspector_certificate c where c.inspector_id = i.id
				       and c.kind = 'ENFORCEMENT' and c.valid_until >= :through))""", params);
		// 回避: declared conflicts of the roster with the pool
		this.jdbc.update("""
				insert into draw_conflict (draw_id, inspector_id, target_id, reason)
				select :draw, r.inspector_id, p.target_id, 'DECLARED'
				from inspector_conflict c join draw_roster r on r.draw_id = :draw and r.registry_id = c.inspector_id
				join draw_pool p on p.draw_id = :draw and p.registry_id = c.target_id""", params);
		// the last inspectors of each pool target: its team in the latest earlier live draw that drew it. Driven by
		// the team slots ever drawn (thousands), not by the pool (millions)
		this.jdbc.update("""
				insert into draw_history (draw_id, target_id, inspector_id)
				select distinct :draw, p.target_id, s.inspector_id
				from (select distinct on (p2.registry_id) p2.registry_id, p2.draw_id, p2.target_id
				      from draw_team_slot s2 join draw_result r on r.draw_id = s2.draw_id
				      join draw w on w.id = s2.draw_id and w.voided_at is null
				      join draw_pool p2 on p2.draw_id = s2.draw_id and p2.target_id = s2.target_id
				      where s2.draw_id <> :draw
				      order by p2.registry_id, r.drawn_at desc, p2.draw_id desc) last
				join draw_pool p on p.draw_id = :draw and p.registry_id = last.registry_id
				join draw_team_slot s on s.draw_id = last.draw_id and s.target_id = last.target_id""", params);
		this.jdbc.update("insert into draw_stratum (draw_id, stratum, n) select :draw, replace(stratum_values, ',', '/'), "
				+ "count(*) from draw_pool where draw_id = :draw and excluded is null group by 2", params);
		this.jdbc.update("update draw set frozen_at = :at, frozen_by = :by where id = :draw",
				params.addValue("at", ts(at)).addValue("by", by));
	}

	/** The file's lines in bytewise order (collation "C"). */
	private static String fileQuery(InputFile file) {
		// the lines start with the primary key's columns, unique per draw and followed by ',' (below every token
		// character), so the key's order (collation "C", read from the primary key's index) is the lines' order
		String order = switch (file) {
			case POOL -> "target_id";
			case ROSTER -> "inspector_id";
			case CONFLICTS -> "inspector_id, target_id";
			case HISTORY -> "target_id, inspector_id";
		};
		return lines(file) + " order by " + order;
	}

	private static String lines(InputFile file) {
		return switch (file) {
			case POOL -> "select target_id || ',' || stratum_values || ',' || coalesce(excluded, '') as line from draw_pool "
					+ "where draw_id = :draw";
			case ROSTER -> "select inspector_id || ',' || department || ',' || (kind collate \"C\") || ',' || prior_load || ',' || items as line "
					+ "from draw_roster where draw_id = :draw";
			case CONFLICTS -> "select inspector_id || ',' || target_id || ',' || reason as line from draw_conflict "
					+ "where draw_id = :draw";
			case HISTORY -> "select target_id || ',' || inspector_id as line from draw_history where draw_id = :draw";
		};
	}

	private static String header(InputFile file) {
		return switch (file) {
			case POOL -> CanonicalCsv.poolHeader(ATTRIBUTES);
			case ROSTER -> CanonicalCsv.ROSTER_HEADER;
			case CONFLICTS -> CanonicalCsv.CONFLICTS_HEADER;
			case HISTORY -> CanonicalCsv.HISTORY_HEADER;
		};
	}

	@Override
	public long count(long drawId, InputFile file) {
		String table = switch (file) {
			case POOL -> "draw_pool";
			case ROSTER -> "draw_roster";
			case CONFLICTS -> "draw_conflict";
			case HISTORY -> "draw_history";
		};
		return this.jdbc.queryForObject("select count(*) from " + table + " where draw_id = :draw", draw(drawId), Long.class);
	}

	/**
	 * The lines come by {@code COPY (…) TO STDOUT} in the binary format: PostgreSQL sends them as fast as it
	 * makes them while they are hashed here (a cursor makes the two take turns), and each line arrives as its
	 * UTF-8 bytes, with no escaping to undo and no {@code String} per row. A pool of millions of rows is the
	 * commit's main cost.
	 */
	@Override
	public CanonicalCsv.FileDigest write(long drawId, InputFile file, OutputStream out) {
		CanonicalCsv.Writer writer = new CanonicalCsv.Writer(out, header(file), file.name().toLowerCase());
		String sql = "copy (" + fileQuery(file).replace(":draw", Long.toString(drawId)) + ") to stdout with (format binary)";
		this.jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) con -> {
			try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
					new org.postgresql.copy.PGCopyInputStream(con.unwrap(PGConnection.class), sql), 1 << 16))) {
				readBinaryCopyHeader(in);
				for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
					int length = in.readInt();
					if (fields != 1 || length < 0) {
						throw new IllegalStateException(file + ": a line of the file is missing (" + fields + " fields, length "
								+ length + ")");
					}
					byte[] line = new byte[length];
					in.readFully(line);
					writer.addUtf8(line);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return null;
		});
		return writer.finish();
	}

	/** COPY's binary header: the signature, the flags and the extension area (skipped). */
	static void readBinaryCopyHeader(java.io.DataInputStream in) throws IOException {
		byte[] signature = new byte[11];
		in.readFully(signature);
		if (!Arrays.equals(signature, BinaryCopyRows.SIGNATURE)) {
			throw new IOException("not COPY's binary format");
		}
		in.readInt();
		in.skipNBytes(in.readInt());
	}

	@Override
	public void commit(long drawId, byte[] planJson, String planHash, Instant at, String by, Long drandRound,
			Instant drandDueAt) {
		this.jdbc.update("update draw set plan_json = :plan, plan_hash = :hash, committed_at = :at, committed_by = :by, "
				+ "drand_round = :round, drand_due_at = :due where id = :draw",
				draw(drawId).addValue("plan", planJson).addValue("hash", planHash).addValue("at", ts(at)).addValue("by", by)
					.addValue("round", drandRound).addValue("due", ts(drandDueAt)));
	}

	@Override
	public void addSource(long drawId, int position, String kind, String valueJson, String reference, String by, Instant at) {
		this.jdbc.update("delete from draw_source_value where draw_id = :draw and position = :position",
				draw(drawId).addValue("position", position));
		this.jdbc.update("insert into draw_source_value (draw_id, position, kind, value_json, reference, entered_by, entered_at) "
				+ "values (:draw, :position, :kind, :value, :reference, :by, :at)", draw(drawId).addValue("position", position)
					.addValue("kind", kind).addValue("value", valueJson).addValue("reference", reference).addValue("by", by)
					.addValue("at", ts(at)));
	}

	@Override
	public List<StoredSource> sources(long drawId) {
		return this.jdbc.query("select * from draw_source_value where draw_id = :draw order by position", draw(drawId),
				(rs, n) -> new StoredSource(rs.getInt("position"), rs.getString("kind"), rs.getString("value_json"),
						rs.getString("entered_by"), instant(rs, "entered_at"), rs.getString("reference")));
	}

	@Override
	public void putWitness(long drawId, StoredWitness w) {
		this.jdbc.update("insert into draw_witness (draw_id, name, commitment, committed_by, committed_at) "
				+ "values (:draw, :name, :commitment, :by, :at) on conflict (draw_id, name) do update set "
				+ "commitment = excluded.commitment, committed_by = excluded.committed_by, committed_at = excluded.committed_at",
				draw(drawId).addValue("name", w.name()).addValue("commitment", w.commitment()).addValue("by", w.committedBy())
					.addValue("at", ts(w.committedAt())));
	}

	@Override
	public List<StoredWitness> witnesses(long drawId) {
		return this.jdbc.query("select * from draw_witness where draw_id = :draw order by name collate \"C\"", draw(drawId),
				(rs, n) -> new StoredWitness(rs.getString("name"), rs.getString("commitment"), rs.getString("committed_by"),
						instant(rs, "committed_at")));
	}

	@Override
	public CandidateStream candidates(long drawId) {
		String sql = "copy (select target_id, replace(stratum_values, ',', '/') from draw_pool where draw_id = " + drawId
				+ " and excluded is null) to stdout with (format binary)";
		return new CandidateStream() {

			@Override
			public void forEach(Sink sink) {
				forEachBytes((row, idOffset, idLength, keyOffset, keyLength) -> sink.accept(
						new String(row, idOffset, idLength, StandardCharsets.UTF_8),
						new String(row, keyOffset, keyLength, StandardCharsets.UTF_8)));
			}

			/**
			 * By a binary COPY rather than a cursor: PostgreSQL sends while the rows are ranked (a cursor makes the
			 * two take turns), and each row is handed on where it lies in the read buffer, with no String.
			 */
			@Override
			public void forEachBytes(ByteSink sink) {
				JdbcDrawStore.this.jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) con -> {
					try (var in = new org.postgresql.copy.PGCopyInputStream(con.unwrap(PGConnection.class), sql)) {
						new CopyRowReader(in).forEachPair(sink);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					return null;
				});
			}

		};
	}

	/**
	 * Rows of two non-null fields out of COPY's binary format, parsed in place in one growing buffer: a row is
	 * made whole in the buffer (moving the unread bytes to its start when needed) and handed on by offsets.
	 */
	static final class CopyRowReader {

		private final java.io.InputStream in;

		private byte[] buffer = new byte[1 << 16];

		private int position;

		private int limit;

		CopyRowReader(java.io.InputStream in) {
			this.in = in;
		}

		void forEachPair(CandidateStream.ByteSink sink) throws IOException {
			require(11 + 4 + 4);
			if (!Arrays.equals(this.buffer, 0, 11, BinaryCopyRows.SIGNATURE, 0, 11)) {
				throw new IOException("not COPY's binary format");
			}
			int extension = readInt(15);
			this.position = 19;
			require(extension);
			this.position += extension;
			while (true) {
				require(2);
				short fields = readShort(this.position);
				if (fields == -1) {
					// read on to the end of the COPY, so that closing the stream does not cancel it
					while (this.in.read(this.buffer, 0, this.buffer.length) >= 0) {
						// the trailer was the last row
					}
					return;
				}
				if (fields != 2) {
					throw new IOException("a pool row has " + fields + " fields, not 2");
				}
				require(2 + 4);
				int first = readInt(this.position + 2);
				if (first < 0) {
					throw new IOException("a pool row has no target id");
				}
				require(2 + 4 + first + 4);
				int second = readInt(this.position + 6 + first);
				if (second < 0) {
					throw new IOException("a pool row has no stratum");
				}
				require(2 + 4 + first + 4 + second);
				sink.accept(this.buffer, this.position + 6, first, this.position + 10 + first, second);
				this.position += 10 + first + second;
			}
		}

		/** Makes {@code n} bytes from the position available, or fails: the stream ended inside a row. */
		private void require(int n) throws IOException {
			if (this.limit - this.position >= n) {
				return;
			}
			if (this.buffer.length < n) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(n, 2 * this.buffer.length));
			}
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
			while (this.limit < n) {
				int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
				if (read < 0) {
					throw new IOException("COPY ended inside a row");
				}
				this.limit += read;
			}
		}

		private short readShort(int at) {
			return (short) (((this.buffer[at] & 0xff) << 8) | (this.buffer[at + 1] & 0xff));
		}

		private int readInt(int at) {
			return ((this.buffer[at] & 0xff) << 24) | ((this.buffer[at + 1] & 0xff) << 16) | ((this.buffer[at + 2] & 0xff) << 8)
					| (this.buffer[at + 3] & 0xff);
		}

	}

	@Override
	public List<RosterRow> roster(long drawId) {
		return this.jdbc.query("select * from draw_roster where draw_id = :draw order by inspector_id", draw(drawId),
				(rs, n) -> new RosterRow(rs.getString("inspector_id"), rs.getString("department"),
						InspectorKind.valueOf(rs.getString("kind")), rs.getLong("prior_load"),
						rs.getString("items").isEmpty() ? List.of() : Arrays.asList(rs.getString("items").split("\\|"))));
	}

	@Override
	public List<ConflictRow> conflicts(long drawId) {
		return this.jdbc.query("select * from draw_conflict where draw_id = :draw", draw(drawId),
				(rs, n) -> new ConflictRow(rs.getString("inspector_id"), rs.getString("target_id"), rs.getString("reason")));
	}

	@Override
	public List<HistoryRow> history(long drawId) {
		return this.jdbc.query("select * from draw_history where draw_id = :draw", draw(drawId),
				(rs, n) -> new HistoryRow(rs.getString("target_id"), rs.getString("inspector_id")));
	}

	@Override
	public Optional<StoredResult> result(long drawId) {
		return this.jdbc.query("select * from draw_result where draw_id = :draw", draw(drawId),
				(rs, n) -> new StoredResult(rs.getString("seed"), rs.getBytes("result_json"), rs.getString("digest"),
						rs.getString("status"), rs.getString("infeasible"), rs.getInt("selected_count"),
						instant(rs, "drawn_at"), rs.getString("drawn_by")))
			.stream()
			.findFirst();
	}

	@Override
	public Optional<ResultSummary> resultSummary(long drawId) {
		// every column but result_json: its tens of megabytes stay in the table (TOAST is read only when selected)
		return this.jdbc.query("select seed, digest, status, infeasible, selected_count, drawn_at, drawn_by from draw_result "
				+ "where draw_id = :draw", draw(drawId),
				(rs, n) -> new ResultSummary(rs.getString("seed"), rs.getString("digest"), rs.getString("status"),
						rs.getString("infeasible"), rs.getInt("selected_count"), instant(rs, "drawn_at"), rs.getString("drawn_by")))
			.stream()
			.findFirst();
	}

	@Override
	public void storeResult(long drawId, DrawResult result, String by, Instant at) {
		String infeasible = null;
		if (result.matching() instanceof MatchingOutcome.Infeasible i) {
			infeasible = i.department() + "/" + i.kind() + "/" + i.rule() + "/" + i.target() + "/" + i.slot();
		}
		int selected = result.selection().selectedIds().size();
		// result.json is hashed and measured in one pass, then streamed into the row by a binary COPY: its tens of
		// megabytes are never held in memory (as a byte[], a String and the driver's copy they were three times that)
		DrawResult.Encoded encoded = result.encode();
		String seed = org.doublerandom.inspection.draw.Sha256.hex(result.seed());
		String status = (infeasible == null) ? "ASSIGNED" : "INFEASIBLE";
		String problem = infeasible;
		copyBinary("copy draw_result (draw_id, seed, result_json, digest, status, infeasible, selected_count, drawn_at, "
				+ "drawn_by) from stdin with (format binary)", out -> {
					out.startRow(9);
					out.int8(drawId);
					out.text(seed);
					out.bytes(encoded.length(), encoded::writeTo);
					out.text(encoded.digest());
					out.text(status);
					out.text(problem);
					out.int4(selected);
					out.timestamptz(at);
					out.text(by);
				});
		// the rows by COPY (hundreds of thousands for a city-wide draw); every value is an ASCII token or a number,
		// so the text format needs no escaping
		copy("copy draw_selected (draw_id, stratum, target_id, rank, position, reserve) from stdin", out -> {
			for (TargetSelection.Stratum s : result.selection().strata()) {
				int position = 0;
				for (TargetSelection.Ranked r : s.selected()) {
					out.row(drawId, s.key(), r.id(), r.rankHex(), ++position, "f");
				}
				for (TargetSelection.Ranked r : s.reserves()) {
					out.row(drawId, s.key(), r.id(), r.rankHex(), ++position, "t");
				}
			}
		});
		if (result.matching() instanceof MatchingOutcome.Assigned a) {
			copy("copy draw_team_slot (draw_id, slot_order, target_id, department, slot, inspector_id) from stdin", out -> {
				int order = 0;
				for (MatchingOutcome.SlotAssignment slot : a.slots()) {
					out.row(drawId, order++, slot.target(), slot.department(), slot.slot(), slot.inspector());
				}
			});
		}
	}

	/** Rows of COPY's text format, sent in chunks of about a megabyte. */
	static final class CopyRows {

		private final CopyIn in;

		private final StringBuilder buffer = new StringBuilder(1 << 20);

		CopyRows(CopyIn in) {
			this.in = in;
		}

		void row(Object... fields) throws SQLException {
			for (int i = 0; i < fields.length; i++) {
				this.buffer.append(fields[i]).append((i + 1 < fields.length) ? '\t' : '\n');
			}
			if (this.buffer.length() >= (1 << 20)) {
				flush();
			}
		}

		void flush() throws SQLException {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.US_ASCII);
			this.in.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}

	}

	@FunctionalInterface
	interface CopyBody {

		void write(CopyRows rows) throws SQLException;

	}

	/** COPY … FROM STDIN on the transaction's connection. */
	private void copy(String sql, CopyBody body) {
		this.jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) con -> {
			CopyIn in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			try {
				CopyRows rows = new CopyRows(in);
				body.write(rows);
				rows.flush();
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			return null;
		});
	}

	/** One field whose bytes are written to a stream. */
	@FunctionalInterface
	interface StreamedField {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Rows of COPY's binary format (PostgreSQL docs, "COPY", Binary Format): a signature and header, per row
	 * the number of fields, then each field as its length (-1 for null) and its bytes in the type's binary form.
	 */
	static final class BinaryCopyRows {

		static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

		/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix seconds. */
		private static final long POSTGRES_EPOCH = 946_684_800L;

		private final DataOutputStream out;

		BinaryCopyRows(OutputStream out) throws IOException {
			this.out = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
			this.out.write(SIGNATURE);
			this.out.writeInt(0);
			this.out.writeInt(0);
		}

		void startRow(int fields) throws IOException {
			this.out.writeShort(fields);
		}

		void int8(long value) throws IOException {
			this.out.writeInt(8);
			this.out.writeLong(value);
		}

		void int4(int value) throws IOException {
			this.out.writeInt(4);
			this.out.writeInt(value);
		}

		/** Text in the client encoding (UTF-8), or null. */
		void text(String value) throws IOException {
			if (value == null) {
				this.out.writeInt(-1);
				return;
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			this.out.writeInt(bytes.length);
			this.out.write(bytes);
		}

		/** Microseconds since PostgreSQL's epoch (integer timestamps, the only kind since PostgreSQL 10). */
		void timestamptz(Instant at) throws IOException {
			this.out.writeInt(8);
			this.out.writeLong(Math.addExact(Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH, 1_000_000L),
					at.getNano() / 1000));
		}

		/** A bytea of a length known in advance, streamed; writing any other number of bytes is refused. */
		void bytes(long length, StreamedField field) throws IOException {
			if (length > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("a field of " + length + " bytes is beyond PostgreSQL's 1 GB");
			}
			this.out.writeInt((int) length);
			long[] written = new long[1];
			field.writeTo(new java.io.FilterOutputStream(this.out) {

				@Override
				public void write(int b) throws IOException {
					written[0]++;
					this.out.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					written[0] += len;
					this.out.write(b, off, len);
				}

				@Override
				public void flush() {
					// the row's stream is flushed once, at the end
				}

				@Override
				public void close() {
				}

			});
			if (written[0] != length) {
				throw new IllegalStateException("a streamed field announced " + length + " bytes and wrote " + written[0]);
			}
		}

		void finish() throws IOException {
			this.out.writeShort(-1);
			this.out.flush();
		}

	}

	@FunctionalInterface
	interface BinaryCopyBody {

		void write(BinaryCopyRows rows) throws IOException;

	}

	/** COPY … FROM STDIN WITH (FORMAT BINARY) on the transaction's connection. */
	private void copyBinary(String sql, BinaryCopyBody body) {
		this.jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) con -> {
			CopyIn in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			try {
				OutputStream stream = new OutputStream() {

					@Override
					public void write(int b) throws IOException {
						write(new byte[] { (byte) b }, 0, 1);
					}

					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						try {
							in.writeToCopy(b, off, len);
						}
						catch (SQLException ex) {
							throw new IOException(ex);
						}
					}

				};
				BinaryCopyRows rows = new BinaryCopyRows(stream);
				body.write(rows);
				rows.finish();
				in.endCopy();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			return null;
		});
	}

	@Override
	public List<StoredAmendment> amendments(long drawId) {
		return this.jdbc.query("select * from draw_amendment where draw_id = :draw order by seq", draw(drawId),
				(rs, n) -> new StoredAmendment(rs.getInt("seq"), rs.getString("type"), rs.getString("target_id"),
						rs.getString("replacement"), rs.getString("reason"), rs.getString("amendment_json"),
						rs.getString("requested_by"), rs.getString("approver"), instant(rs, "recorded_at")));
	}

	@Override
	public void addAmendment(long drawId, StoredAmendment a) {
		this.jdbc.update("insert into draw_amendment (draw_id, seq, type, target_id, replacement, reason, amendment_json, "
				+ "requested_by, approver, recorded_at) values (:draw, :seq, :type, :target, :replacement, :reason, :json, "
				+ ":by, :approver, :at)",
				draw(drawId).addValue("seq", a.seq()).addValue("type", a.type()).addValue("target", a.targetId())
					.addValue("replacement", a.replacement()).addValue("reason", a.reason())
					.addValue("json", a.amendmentJson()).addValue("by", a.requestedBy()).addValue("approver", a.approver())
					.addValue("at", ts(a.recordedAt())));
	}

	@Override
	public void voidDraw(long drawId, String reason, String by, String approver, Instant at) {
		this.jdbc.update("update draw set voided_at = :at, voided_by = :by, void_reason = :reason, void_approver = :approver "
				+ "where id = :draw", draw(drawId).addValue("at", ts(at)).addValue("by", by).addValue("reason", reason)
					.addValue("approver", approver));
	}

	@Override
	public Map<String, Name> targetNames(long drawId, Set<String> targetIds) {
		Map<String, Name> names = new HashMap<>();
		if (targetIds.isEmpty()) {
			return names;
		}
		this.jdbc.query("select p.target_id, t.name from draw_pool p join target t on t.id = p.registry_id "
				+ "where p.draw_id = :draw and p.target_id in (:ids)", draw(drawId).addValue("ids", List.copyOf(targetIds)),
				rs -> {
					names.put(rs.getString(1), new Name(rs.getString(1), rs.getString(2), null));
				});
		return names;
	}

	@Override
	public Map<String, Name> inspectorNames(long drawId) {
		Map<String, Name> names = new HashMap<>();
		this.jdbc.query("select r.inspector_id, i.name, d.name as department from draw_roster r "
				+ "join inspector i on i.id = r.registry_id join department d on d.id = i.department_id where r.draw_id = :draw",
				draw(drawId), rs -> {
					names.put(rs.getString(1), new Name(rs.getString(1), rs.getString(2), rs.getString(3)));
				});
		return names;
	}

	static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

}
