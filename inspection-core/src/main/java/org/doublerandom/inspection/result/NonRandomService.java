package org.doublerandom.inspection.result;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 非随机检查: a department records the inspections it made without a draw (重点监管, 个案, 专项检查) and its
 * manager publishes them. The same rules as the drawn results: the department's own only (谁检查、谁录入、
 * 谁公示), the manager publishes what someone else recorded, every change audited.
 */
@Service
@Transactional(readOnly = true)
public class NonRandomService {

	private final NonRandomInspections inspections;

	private final NonRandomRefs refs;

	private final Terms terms;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public NonRandomService(NonRandomInspections inspections, NonRandomRefs refs, Terms terms, CurrentActor actor,
			AuditTrail audit, Clock clock) {
		this.inspections = inspections;
		this.refs = refs;
		this.terms = terms;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** The actor's department's, newest first, with their targets. */
	public List<NonRandomRefs.Line> list() {
		Actor me = recorder("nonRandom.list");
		return this.inspections.findByDepartmentIdOrderByInspectionDateDescIdDesc(me.departmentId())
			.stream()
			.map(this::line)
			.toList();
	}

	/** One of the actor's department's; another department's is not permitted. */
	public NonRandomRefs.Line inspection(long id) {
		Actor me = business("nonRandom.read");
		NonRandomInspection inspection = load(id);
		if (!ResultAccess.mayRead(me, inspection.getDepartmentId())) {
			throw new NotPermittedException("nonRandom.read");
		}
		return line(inspection);
	}

	/** Whether the actor may publish this one (the page shows the button only then). */
	public boolean mayPublish(NonRandomInspection inspection) {
		return !inspection.isPublished()
				&& ResultAccess.mayReview(this.actor.get(), inspection.getDepartmentId(), inspection.getRecordedBy());
	}

	/** The items the actor's department may name: its published item list. */
	public Map<String, String> items() {
		Actor me = recorder("nonRandom.record");
		return this.refs.publishedItems(me.departmentId());
	}

	/** 检查结果 categories, retired ones too (their labels are still shown). */
	public List<Terms.Term> categories() {
		return this.terms.terms(Terms.RESULT_CATEGORY);
	}

	/** 录入 for a registry target given by its code (统一社会信用代码 or registration number). */
	@Transactional
	public NonRandomInspection record(String targetCode, NonRandomEntry entry) {
		Actor me = recorder("nonRandom.record");
		if (targetCode == null || targetCode.isBlank()) {
			throw new DomainException("nonRandom.target.required", "targetCode");
		}
		NonRandomRefs.TargetRef target = this.refs.targetByCode(targetCode.strip())
			.orElseThrow(() -> new DomainException("nonRandom.target.unknown", "targetCode", targetCode.strip()));
		if (entry.inspectionDate().isAfter(LocalDate.now(this.clock))) {
			throw new DomainException("nonRandom.inspectionDate.future", "inspectionDate");
		}
		Set<String> categories = this.terms.terms(Terms.RESULT_CATEGORY).stream().filter(Terms.Term::active)
			.map(Terms.Term::code).collect(Collectors.toSet());
		if (!categories.contains(entry.categoryCode())) {
			throw new DomainException("nonRandom.category.unknown", "categoryCode", entry.categoryCode());
		}
		NonRandomItemsPolicy.check(entry.itemCodes(), this.refs.publishedItems(me.departmentId()));
		NonRandomInspection saved = this.inspections
			.save(new NonRandomInspection(target.id(), me.departmentId(), entry, me.username(), now()));
		this.inspections.flush();
		this.audit.success("nonRandom.create", "nonRandomInspection", saved.getId(), entry.type() + " of target "
				+ target.code() + " on " + entry.inspectionDate() + ": " + entry.categoryCode() + ", basis "
				+ entry.basis() + ", items " + entry.itemCodes());
		return saved;
	}

	/** 公示 by the department's manager, never by the one who recorded it. */
	@Transactional
	public void publish(long id) {
		Actor me = business("nonRandom.publish");
		NonRandomInspection inspection = load(id);
		if (!ResultAccess.mayReview(me, inspection.getDepartmentId(), inspection.getRecordedBy())) {
			throw new NotPermittedException("nonRandom.publish");
		}
		inspection.publish(me.username(), now());
		this.audit.success("nonRandom.publish", "nonRandomInspection", id,
				"published " + inspection.getType() + " of target " + inspection.getTargetId());
	}

	/** The published ones of a target, for its public entity page (anyone). */
	public List<NonRandomRefs.PublicOther> publishedForTarget(long targetId) {
		return this.refs.publishedForTarget(targetId);
	}

	/** Demo data: a published non-random inspection recorded and published by named demo users, as the system; once. */
	@Transactional
	public Optional<NonRandomInspection> provisionDemo(long targetId, long departmentId, NonRandomEntry entry,
			String recorder, String publisher, Instant at) {
		this.actor.get().requireSystem("nonRandom.demo");
		if (!this.inspections.findByDepartmentIdOrderByInspectionDateDescIdDesc(departmentId).isEmpty()) {
			return Optional.empty();
		}
		NonRandomItemsPolicy.check(entry.itemCodes(), this.refs.publishedItems(departmentId));
		NonRandomInspection inspection = new NonRandomInspection(targetId, departmentId, entry, recorder, at);
		inspection.publish(publisher, at);
		NonRandomInspection saved = this.inspections.save(inspection);
		this.inspections.flush();
		this.audit.success("nonRandom.demo", "nonRandomInspection", saved.getId(), "demo " + entry.type() + " of target "
				+ targetId + ", published");
		return Optional.of(saved);
	}

	private NonRandomRefs.Line line(NonRandomInspection inspection) {
		inspection.getItemCodes();
		return new NonRandomRefs.Line(inspection, this.refs.target(inspection.getTargetId()).orElseThrow());
	}

	private NonRandomInspection load(long id) {
		return this.inspections.findById(id).orElseThrow(() -> new NotFoundException("nonRandomInspection", id));
	}

	/** Officers and managers of a department; the bureau reads, but a department records. */
	private Actor recorder(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER);
		if (me.departmentId() == null) {
			throw new NotPermittedException(operation);
		}
		return me;
	}

	private Actor business(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

}
