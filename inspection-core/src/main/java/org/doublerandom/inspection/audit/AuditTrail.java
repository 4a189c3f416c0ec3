package org.doublerandom.inspection.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events. Recording joins the caller's transaction (MANDATORY), so a change and its audit
 * event commit or fail together: if the audit write fails, the change fails.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AuditTrail {

	static final int DETAIL_LIMIT = 1000;

	private final AuditEvents events;

	private final CurrentActor currentActor;

	private final Clock clock;

	public AuditTrail(AuditEvents events, CurrentActor currentActor, Clock clock) {
		this.events = events;
		this.currentActor = currentActor;
		this.clock = clock;
	}

	public void success(String action, String objectType, Object objectId, String detail) {
		record(this.currentActor.get(), action, objectType, objectId, AuditOutcome.SUCCESS, detail);
	}

	public void record(Actor actor, String action, String objectType, Object objectId, AuditOutcome outcome,
			String detail) {
		String roles = actor.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
		// the business change is written before the event, so the chain lock (docs/audit-chain.md) is taken last
		// and held only for the event itself and the commit
		this.events.flush();
		// PostgreSQL keeps microseconds: the hash is computed over what is stored
		this.events.save(new AuditEvent(this.clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username(), roles, actor.departmentId(), action,
				objectType, (objectId != null) ? objectId.toString() : null, outcome, actor.clientAddress(),
				truncate(detail)));
	}

	/** Events outside a business transaction (sign-in, sign-out, denied requests) get their own. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordStandalone(Actor actor, String action, AuditOutcome outcome, String detail) {
		record(actor, action, null, null, outcome, detail);
	}

	/** 审计管理员 reads the trail; nobody else does. */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public Page<AuditEvent> recent(int page, int size) {
		this.currentActor.get().require("audit.read", Role.AUDIT_ADMIN);
		return this.events.findAllByOrderByIdDesc(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
	}

	/**
	 * 变更历史: the latest 100 events about one object, newest first, for its detail page. The caller has
	 * already checked that the actor may read the object itself.
	 */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public List<AuditEvent> history(String objectType, Object objectId) {
		return this.events.findTop100ByObjectTypeAndObjectIdOrderByIdDesc(objectType, String.valueOf(objectId));
	}

	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public long count() {
		return this.events.count();
	}

	private static String truncate(String detail) {
		if (detail == null || detail.length() <= DETAIL_LIMIT) {
			return detail;
		}
		return detail.substring(0, DETAIL_LIMIT - 1) + "…";
	}

}
