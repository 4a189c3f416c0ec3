package org.doublerandom.inspection.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 审计管理员 does with the trail: search it, verify the chain against the signed checkpoints, write
 * a checkpoint on demand, export it. Each of these is itself recorded. Scheduled checkpoints run as the system.
 */
@Service
@Transactional(readOnly = true)
public class AuditAdministration {

	/** The most events one CSV export writes (the JSON lines export of the chain has no limit). */
	public static final int CSV_LIMIT = 200_000;

	public static final List<String> CSV_COLUMNS = List.of("序号", "时间", "操作人", "角色", "部门", "操作", "对象类型", "对象",
			"结果", "客户端地址", "详情", "哈希");

	private final AuditLedger ledger;

	private final CheckpointLog checkpoints;

	private final CheckpointSigner signer;

	private final AuditChain chain;

	private final AuditTrail trail;

	private final CurrentActor actor;

	public AuditAdministration(AuditLedger ledger, CheckpointLog checkpoints, CheckpointSigner signer,
			AuditChain chain, AuditTrail trail, CurrentActor actor) {
		this.ledger = ledger;
		this.checkpoints = checkpoints;
		this.signer = signer;
		this.chain = chain;
		this.trail = trail;
		this.actor = actor;
	}

	public Page<AuditEntry> search(AuditQuery query, int page, int size) {
		this.actor.get().require("audit.read", Role.AUDIT_ADMIN);
		return this.ledger.search(query, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
	}

	public List<AuditDepartment> departments() {
		this.actor.get().require("audit.read", Role.AUDIT_ADMIN);
		return this.ledger.departments();
	}

	/**
	 * 链完整性校验: one consistent snapshot of the trail and its head, checked event by event against the
	 * checkpoints read just before it (so none can be newer than the snapshot).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		Actor me = this.actor.get();
		me.require("audit.verify", Role.AUDIT_ADMIN);
		ChainVerification result;
		try {
			result = this.chain.verify();
		}
		catch (DomainException unreadable) {
			this.trail.recordStandalone(me, "audit.verify", AuditOutcome.FAILURE, unreadable.messageKey());
			throw unreadable;
		}
		ChainBreak broken = result.firstBreak();
		this.trail.recordStandalone(me, "audit.verify", result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				result.intact() ? "intact to " + result.lastSequenceNo() + ", " + result.checkpointsChecked() + " checkpoints"
						: "broken at " + broken.sequenceNo() + " (" + broken.kind() + "): expected " + broken.expected()
								+ ", found " + broken.found());
		return result;
	}

	/** A checkpoint now, at the administrator's request. */
	public AuditCheckpoint checkpointNow() {
		Actor me = this.actor.get();
		me.require("audit.checkpoint", Role.AUDIT_ADMIN);
		AuditCheckpoint written = this.chain.checkpoint();
		this.trail.recordStandalone(me, "audit.checkpoint", AuditOutcome.SUCCESS,
				"seq " + written.sequenceNo() + " " + written.hash());
		return written;
	}

	/** The scheduled checkpoint: written only when the chain has grown since the last one. */
	public Optional<AuditCheckpoint> scheduledCheckpoint() {
		this.actor.get().requireSystem("audit.checkpoint.scheduled");
		ChainHead head = this.ledger.head();
		List<AuditCheckpoint> written = this.checkpoints.all();
		if (head.sequenceNo() == 0
				|| (!written.isEmpty() && written.get(written.size() - 1).sequenceNo() == head.sequenceNo())) {
			return Optional.empty();
		}
		return Optional.of(this.chain.checkpoint());
	}

	public List<AuditCheckpoint> checkpoints() {
		this.actor.get().require("audit.read", Role.AUDIT_ADMIN);
		return this.checkpoints.all();
	}

	public String checkpointLocation() {
		this.actor.get().require("audit.read", Role.AUDIT_ADMIN);
		return this.checkpoints.location();
	}

	/** The checkpoint file as it is, for the offline verifier; recorded as an export. */
	public void downloadCheckpoints(OutputStream out) throws IOException {
		Actor me = this.actor.get();
		me.require("audit.export", Role.AUDIT_ADMIN);
		this.trail.recordStandalone(me, "audit.export", AuditOutcome.SUCCESS, "checkpoints");
		this.checkpoints.copyTo(out);
	}

	/** Public: anyone may check a checkpoint's signature. */
	public String publicKeyPem() {
		return this.signer.publicKeyPem();
	}

	public String keyId() {
		return this.signer.keyId();
	}

	/**
	 * The chain as JSON lines (format in docs/audit-chain.md), in sequence order from one snapshot, for the
	 * offline verifier. The export is recorded first, so it appears in what it writes.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void exportChain(Consumer<String> lines) {
		Actor me = this.actor.get();
		me.require("audit.export", Role.AUDIT_ADMIN);
		this.trail.recordStandalone(me, "audit.export", AuditOutcome.SUCCESS, "chain jsonl");
		this.ledger.forEachInSequence(1, entry -> lines.accept(AuditJson.exportLine(entry)));
	}

	/** The search's matches as rows of {@link #CSV_COLUMNS}, newest first, at most {@link #CSV_LIMIT}. */
	public void exportMatches(AuditQuery query, Consumer<List<String>> rows) {
		Actor me = this.actor.get();
		me.require("audit.export", Role.AUDIT_ADMIN);
		this.trail.recordStandalone(me, "audit.export", AuditOutcome.SUCCESS, "csv " + describe(query));
		this.ledger.forEachMatching(query, CSV_LIMIT, e -> rows.accept(Arrays.asList(
				Long.toString(e.sequenceNo()), AuditChainHash.TIME.format(e.occurredAt()), e.actor(), e.actorRoles(),
				(e.departmentId() != null) ? e.departmentId().toString() : "", e.action(), e.objectType(),
				e.objectId(), (e.outcome() != null) ? e.outcome().name() : "", e.clientAddress(), e.detail(),
				e.hash())));
	}

	private static String describe(AuditQuery q) {
		StringBuilder out = new StringBuilder();
		append(out, "actor", q.actor());
		append(out, "action", q.action());
		append(out, "objectType", q.objectType());
		append(out, "objectId", q.objectId());
		append(out, "outcome", (q.outcome() != null) ? q.outcome().name() : null);
		append(out, "from", (q.from() != null) ? q.from().toString() : null);
		append(out, "to", (q.to() != null) ? q.to().toString() : null);
		append(out, "department", (q.departmentId() != null) ? q.departmentId().toString() : null);
		return out.isEmpty() ? "all" : out.toString().strip();
	}

	private static void append(StringBuilder out, String name, String value) {
		if (value != null) {
			out.append(' ').append(name).append('=').append(value);
		}
	}

}
