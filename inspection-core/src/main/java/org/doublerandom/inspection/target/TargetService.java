package org.doublerandom.inspection.target;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.doublerandom.inspection.audit.AuditEvent;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.organization.Regions;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The target registry (检查对象名录库). Department data scope: officers and department managers read their own
 * department's registry and change only targets in it; the bureau reads every department's. Enforced here
 * and in the search query, whatever the page shows.
 */
@Service
@Transactional(readOnly = true)
public class TargetService {

	static final int IMPORT_CHUNK = 50_000;

	private final Targets targets;

	private final TargetSearch search;

	private final TargetBulkWriter bulk;

	private final LastInspections lastInspections;

	private final Regions regions;

	private final Industries industries;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public TargetService(Targets targets, TargetSearch search, TargetBulkWriter bulk, LastInspections lastInspections,
			Regions regions, Industries industries, CurrentActor actor, AuditTrail audit, Clock clock) {
		this.targets = targets;
		this.search = search;
		this.bulk = bulk;
		this.lastInspections = lastInspections;
		this.regions = regions;
		this.industries = industries;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** The rules with today's reference data, for one form or one import. */
	public TargetRules rules() {
		return new TargetRules(
				this.regions.findAllByOrderBySortOrderAsc().stream().map(Region::getCode).collect(Collectors.toSet()),
				this.industries.divisions()
					.stream()
					.collect(Collectors.toMap(IndustryDivision::getCode, IndustryDivision::getSectionCode)));
	}

	public List<IndustrySection> sections() {
		return this.industries.sections();
	}

	public List<IndustryDivision> divisions() {
		return this.industries.divisions();
	}

	public TargetPage search(TargetQuery query, int page, int size) {
		Actor me = this.actor.get();
		me.require("target.read", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		TargetQuery scoped = me.has(Role.BUREAU) ? query : query.withDepartment(me.departmentId());
		return this.search.search(scoped, Math.max(page, 0), Math.min(Math.max(size, 10), 100));
	}

	/** The most rows one export writes (an XLSX sheet holds 1,048,576). */
	public static final int EXPORT_LIMIT = 1_000_000;

	/** The filtered list for export, in the same data scope as the list page. */
	public void export(TargetQuery query, Consumer<TargetExportRow> consumer) {
		Actor me = this.actor.get();
		me.require("target.export", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		TargetQuery scoped = me.has(Role.BUREAU) ? query : query.withDepartment(me.departmentId());
		// recorded in its own transaction: the export itself only reads
		this.audit.recordStandalone(me, "target.export", AuditOutcome.SUCCESS, scoped.toString());
		this.search.forEach(scoped, EXPORT_LIMIT, consumer);
	}

	/** A target the actor may read: linked to their department, or any for the bureau; else "not found". */
	public Target target(Long id) {
		Actor me = this.actor.get();
		me.require("target.read", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		Target target = this.targets.findById(id).orElseThrow(() -> new NotFoundException("target", id));
		if (!me.has(Role.BUREAU) && !target.isLinkedTo(me.departmentId())) {
			throw new NotFoundException("target", id);
		}
		return target;
	}

	public boolean mayChange(Target target) {
		Actor me = this.actor.get();
		return me.hasAny(Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU) && target.isLinkedTo(me.departmentId());
	}

	/** The target's last inspections per department and item, once the actor may read the target. */
	public List<LastInspection> lastInspections(Long id) {
		target(id);
		return this.lastInspections.forTarget(id);
	}

	public List<AuditEvent> history(Long id) {
		target(id);
		return this.audit.history("target", id);
	}

	/**
	 * Adds a target to the registry and to the actor's department. A code already in the registry is refused
	 * on the code field with the existing entry's id, so the page can offer to link it instead.
	 */
	@Transactional
	public Target create(TargetData data) {
		Actor me = requireEditor("target.create");
		TargetRules rules = rules();
		TargetRules.CheckedCode code = rules.checkCode(data.kind(), data.code());
		refuseFirst(code.violation(), rules.check(data, today()));
		this.targets.findByCode(code.code()).ifPresent(existing -> {
			throw new DomainException("target.code.exists", "code", code.code(), existing.getId());
		});
		Target target = new Target(code.type(), code.code(), data, rules.sectionOf(data.industryDivisionCode()),
				this.clock.instant());
		target.linkTo(me.departmentId(), this.clock.instant());
		Target saved = this.targets.save(target);
		this.audit.success("target.create", "target", saved.getId(), saved.getCode() + " " + saved.getName());
		return saved;
	}

	@Transactional
	public void update(Long id, TargetData data) {
		Target target = changeable(id, "target.update");
		TargetRules rules = rules();
		refuseFirst(null, rules.check(data, today()));
		String before = describe(target);
		target.apply(data, rules.sectionOf(data.industryDivisionCode()), this.clock.instant());
		this.audit.success("target.update", "target", id, diff(before, describe(target)));
	}

	/** Includes an existing target in the actor's department registry (纳入本部门名录). */
	@Transactional
	public void linkToMyDepartment(Long id) {
		Actor me = requireEditor("target.link");
		Target target = this.targets.findById(id).orElseThrow(() -> new NotFoundException("target", id));
		if (target.linkTo(me.departmentId(), this.clock.instant())) {
			this.audit.success("target.link", "target", id, "department " + me.departmentId());
		}
	}

	@Transactional
	public void unlinkFromMyDepartment(Long id) {
		Actor me = this.actor.get();
		Target target = changeable(id, "target.unlink");
		target.unlinkFrom(me.departmentId());
		this.audit.success("target.unlink", "target", id, "department " + me.departmentId());
	}

	@Transactional
	public void addLicence(Long id, Licence licence) {
		Target target = changeable(id, "target.licence.add");
		List<Violation> violations = new ArrayList<>();
		if (licence.name() == null || licence.name().isBlank()) {
			violations.add(Violation.of("licenceName", "target.licence.name.required"));
		}
		if (licence.number() == null || licence.number().isBlank()) {
			violations.add(Violation.of("licenceNumber", "target.licence.number.required"));
		}
		if (licence.issuingBody() == null || licence.issuingBody().isBlank()) {
			violations.add(Violation.of("issuingBody", "target.licence.issuingBody.required"));
		}
		if (licence.validFrom() != null && licence.validUntil() != null
				&& licence.validUntil().isBefore(licence.validFrom())) {
			violations.add(Violation.of("validUntil", "target.licence.period"));
		}
		refuseFirst(null, violations);
		target.addLicence(new Licence(licence.name().strip(), licence.number().strip(), licence.issuingBody().strip(),
				licence.validFrom(), licence.validUntil()));
		this.audit.success("target.licence.add", "target", id, licence.name() + " " + licence.number());
	}

	@Transactional
	public void removeLicence(Long id, int index) {
		Target target = changeable(id, "target.licence.remove");
		if (index < 0 || index >= target.getLicences().size()) {
			throw new NotFoundException("licence", index);
		}
		Licence removed = target.getLicences().get(index);
		target.removeLicence(index);
		this.audit.success("target.licence.remove", "target", id, removed.name() + " " + removed.number());
	}

	/**
	 * Writes validated rows (an import's, after its preview) to the registry and the actor's department, in
	 * chunks but all in this one transaction: every row or none. The producer hands the rows to the sink it
	 * is given, so a file of millions of rows never sits in memory whole.
	 */
	@Transactional
	public TargetBulkWriter.Written importRows(Consumer<Consumer<ValidTarget>> producer, boolean updateExisting,
			String fileName) {
		Actor me = requireEditor("target.import");
		List<ValidTarget> chunk = new ArrayList<>(IMPORT_CHUNK);
		int[] totals = new int[4];
		Runnable flush = () -> {
			if (!chunk.isEmpty()) {
				TargetBulkWriter.Written w = this.bulk.write(chunk, me.departmentId(), updateExisting);
				totals[0] += chunk.size();
				totals[1] += w.inserted();
				totals[2] += w.updated();
				totals[3] += w.linked();
				chunk.clear();
			}
		};
		producer.accept(row -> {
			chunk.add(row);
			if (chunk.size() == IMPORT_CHUNK) {
				flush.run();
			}
		});
		flush.run();
		TargetBulkWriter.Written written = new TargetBulkWriter.Written(totals[1], totals[2], totals[3]);
		this.audit.success("target.import", "department", me.departmentId(), fileName + ": " + totals[0] + " rows, "
				+ written.inserted() + " new, " + written.updated() + " updated, " + written.linked() + " linked");
		return written;
	}

	/** Demo data and installation: bulk rows into a department's registry, outside any user request. */
	@Transactional
	public TargetBulkWriter.Written provision(List<ValidTarget> rows, Long departmentId) {
		this.actor.get().requireSystem("target.provision");
		return this.bulk.write(rows, departmentId, false);
	}

	/** Only staff who may add targets to a department registry may preview an import. */
	public void requireImporter() {
		requireEditor("target.import");
	}

	public int countExisting(List<String> codes) {
		return codes.isEmpty() ? 0 : this.bulk.countExisting(codes);
	}

	public long count() {
		return this.targets.count();
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private Actor requireEditor(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		if (me.departmentId() == null) {
			throw new DomainException("error.notPermitted", null, operation);
		}
		return me;
	}

	private Target changeable(Long id, String operation) {
		Actor me = requireEditor(operation);
		Target target = this.targets.findById(id).orElseThrow(() -> new NotFoundException("target", id));
		if (!target.isLinkedTo(me.departmentId())) {
			// outside the department's registry: the same answer as a missing target
			throw new NotFoundException("target", id);
		}
		return target;
	}

	private static void refuseFirst(Violation first, List<Violation> others) {
		Violation v = (first != null) ? first : others.isEmpty() ? null : others.get(0);
		if (v != null) {
			throw new DomainException(v.messageKey(), v.field(), v.arguments().toArray());
		}
	}

	private static String describe(Target t) {
		return String.join("|", t.getKind().name(), t.getName(), t.getRegionCode(), Objects.toString(t.getAddress()),
				Objects.toString(t.getIndustryDivisionCode()), Objects.toString(t.getRegistrationAuthority()),
				Objects.toString(t.getEstablishedOn()), t.getStatus().name(), String.valueOf(t.isAbnormalListed()),
				Objects.toString(t.getCreditClass()), Objects.toString(t.getCreditClassOn()),
				Objects.toString(t.getCreditClassSource()), String.valueOf(t.isKeySupervision()),
				String.join(",", new TreeSet<>(t.getTags())));
	}

	private static final String[] FIELDS = { "kind", "name", "region", "address", "industry", "authority",
			"established", "status", "abnormal", "credit", "creditOn", "creditSource", "keySupervision", "tags" };

	/** "field: old → new" for each changed field, for the change history. */
	static String diff(String before, String after) {
		String[] a = before.split("\\|", -1);
		String[] b = after.split("\\|", -1);
		List<String> changes = new ArrayList<>();
		for (int i = 0; i < FIELDS.length && i < a.length && i < b.length; i++) {
			if (!a[i].equals(b[i])) {
				changes.add(FIELDS[i] + ": " + a[i] + " → " + b[i]);
			}
		}
		return changes.isEmpty() ? "—" : String.join("; ", changes);
	}

}
