package org.doublerandom.inspection.draw;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.doublerandom.inspection.plan.TargetScope;

/**
 * Port: a task's draw in the database. The pool is built and read in SQL (it can hold millions of rows); the
 * canonical files are streamed from the frozen tables in bytewise order.
 */
public interface DrawStore {

	/** The pool's stratum attributes: credit class (the rule attribute) and region. */
	List<String> ATTRIBUTES = List.of("credit_class", "region");

	/** The files of §4, written from the frozen tables. */
	enum InputFile {

		POOL, ROSTER, CONFLICTS, HISTORY

	}

	/**
	 * 预查比对: what the pool is built from. Targets of the scope are all kept; the ineligible carry a reason:
	 * their status, a recent inspection for one of the items ({@code departmentId:itemCode}) since the date,
	 * a place on the list of another open task with one of the item codes, or a credit class without a rule.
	 */
	record PoolQuery(TargetScope scope, Set<String> statusesInScope, LocalDate inspectedSince,
			Set<String> departmentItemKeys, Set<String> itemCodes, Set<String> sampledBands) {

		public PoolQuery {
			statusesInScope = Set.copyOf(statusesInScope);
			departmentItemKeys = Set.copyOf(departmentItemKeys);
			itemCodes = Set.copyOf(itemCodes);
			sampledBands = Set.copyOf(sampledBands);
		}

	}

	/** 名单锁定: the roster's departments ({@code id → code}), the items and the day certificates must reach. */
	record RosterQuery(Map<Long, String> departments, LocalDate certificatesValidThrough, int loadYear) {

		public RosterQuery {
			departments = Map.copyOf(departments);
		}

	}

	record Stored(long id, long taskId, Instant precheckedAt, String precheckedBy, Instant frozenAt, String frozenBy,
			byte[] planJson, String planHash, Instant committedAt, String committedBy, Long drandRound, Instant drandDueAt,
			Instant voidedAt, String voidedBy, String voidReason, String voidApprover, boolean demo) {

		public boolean isFrozen() {
			return this.frozenAt != null;
		}

		public boolean isCommitted() {
			return this.planHash != null;
		}

		public boolean isVoided() {
			return this.voidedAt != null;
		}

		public DrawPlan plan() {
			return DrawPlan.fromCanonicalBytes(this.planJson);
		}

	}

	/** {@code reference}: for a lottery, the official announcement's address (outside the spec's value). */
	record StoredSource(int position, String kind, String valueJson, String enteredBy, Instant enteredAt, String reference) {
	}

	record StoredResult(String seed, byte[] resultJson, String digest, String status, String infeasible,
			int selectedCount, Instant drawnAt, String drawnBy) {
	}

	/** A stored result without its {@code result.json}: what the ceremony needs to answer and to decide. */
	record ResultSummary(String seed, String digest, String status, String infeasible, int selectedCount, Instant drawnAt,
			String drawnBy) {
	}

	record StoredAmendment(int seq, String type, String targetId, String replacement, String reason, String amendmentJson,
			String requestedBy, String approver, Instant recordedAt) {
	}

	/** A witness's commitment submitted before the plan's commitment (docs/draw-algorithm.md §7). */
	record StoredWitness(String name, String commitment, String committedBy, Instant committedAt) {
	}

	/** A person or firm on the public page: a target's name, an inspector's name and department. */
	record Name(String id, String name, String department) {
	}

	Optional<Stored> live(long taskId);

	Optional<Stored> find(long drawId);

	/** Task ids of live, committed, undrawn draws whose drand round was due by {@code now} and has no value yet. */
	List<Long> awaitingDrand(Instant now);

	/** Row lock on the draw: concurrent draws of one task queue here. */
	Optional<Stored> lock(long drawId);

	List<Stored> forTask(long taskId);

	/** Committed draws, newest first (the public list). */
	List<Stored> committed(int limit);

	/**
	 * Committed draws (voided ones too) whose task matches the public listings' filter, newest first, paged in the
	 * database: a draw matches as its task does (department leading or taking part, schedule year, scope region).
	 */
	org.springframework.data.domain.Page<Stored> committed(org.doublerandom.inspection.shared.PublicListFilter filter,
			org.springframework.data.domain.Pageable pageable);

	/** Creates the live draw of the task, or rebuilds the unfrozen one's pool. */
	long precheck(long taskId, PoolQuery query, String by, Instant at, boolean demo);

	/** Reason code (empty for eligible) → number of pool rows. */
	SortedMap<String, Long> exclusionCounts(long drawId);

	/** Eligible candidates per stratum key. */
	SortedMap<String, Long> strataCounts(long drawId);

	void freeze(long drawId, RosterQuery query, String by, Instant at);

	long count(long drawId, InputFile file);

	CanonicalCsv.FileDigest write(long drawId, InputFile file, OutputStream out);

	void commit(long drawId, byte[] planJson, String planHash, Instant at, String by, Long drandRound, Instant drandDueAt);

	void addSource(long drawId, int position, String kind, String valueJson, String reference, String by, Instant at);

	List<StoredSource> sources(long drawId);

	/** Submits or replaces a department's witness commitment; the database refuses it once the plan is committed. */
	void putWitness(long drawId, StoredWitness witness);

	/** The witness commitments, in name order (bytewise). */
	List<StoredWitness> witnesses(long drawId);

	CandidateStream candidates(long drawId);

	List<RosterRow> roster(long drawId);

	List<ConflictRow> conflicts(long drawId);

	List<HistoryRow> history(long drawId);

	Optional<StoredResult> result(long drawId);

	/** The stored result's fields without reading {@code result.json} back. */
	Optional<ResultSummary> resultSummary(long drawId);

	void storeResult(long drawId, DrawResult result, String by, Instant at);

	List<StoredAmendment> amendments(long drawId);

	void addAmendment(long drawId, StoredAmendment amendment);

	void voidDraw(long drawId, String reason, String by, String approver, Instant at);

	/** Target ids → name (and no department) for the given ids. */
	Map<String, Name> targetNames(long drawId, Set<String> targetIds);

	/** Inspector ids of the roster → name and department name. */
	Map<String, Name> inspectorNames(long drawId);

}
