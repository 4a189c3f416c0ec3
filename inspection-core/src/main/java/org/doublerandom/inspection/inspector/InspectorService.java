package org.doublerandom.inspection.inspector;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.doublerandom.inspection.account.UserAccount;
import org.doublerandom.inspection.account.UserAccounts;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Regions;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执法检查人员名录库: each department maintains its own people (officers and department managers change only
 * their own department's entries); the bureau (联合抽查牵头) reads every department's. The department scope is
 * applied in the queries, so an entry outside it is "not found". Every change is audited with what changed.
 */
@Service
@Transactional(readOnly = true)
public class InspectorService {

	public static final int MAX_PAGE_SIZE = 100;

	/** The most people one export (导出) writes. */
	public static final int EXPORT_LIMIT = 100_000;

	static final int EXPORT_PAGE = 500;

	static final int MAX_EXPERTISE_TAGS = 20;

	static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

	/** The sort keys the list offers, and the properties they sort by (anything else sorts by name). */
	static final Map<String, String> SORTS = Map.of("name", "name", "kind", "kind", "status", "status", "region",
			"regionCode", "department", "departmentId", "updated", "updatedAt");

	private static final Role[] MAINTAINERS = { Role.OFFICER, Role.DEPT_MANAGER };

	private static final Role[] READERS = { Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU };

	private final Inspectors inspectors;

	private final ConflictTargets targets;

	private final Regions regions;

	private final UserAccounts accounts;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public InspectorService(Inspectors inspectors, ConflictTargets targets, Regions regions, UserAccounts accounts,
			CurrentActor actor, AuditTrail audit, Clock clock) {
		this.inspectors = inspectors;
		this.targets = targets;
		this.regions = regions;
		this.accounts = accounts;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One page of the registry, each row with today's eligibility. Sort keys are those of {@link #SORTS}; the
	 * id breaks ties so that pages never overlap.
	 */
	public Page<InspectorRow> search(InspectorSearch criteria, int page, int size, String sort, boolean descending) {
		Actor me = this.actor.get();
		me.require("inspector.list", READERS);
		LocalDate today = today();
		Page<Inspector> found = scopedPage(me, criteria, today, PageRequest.of(Math.max(page, 0),
				Math.min(Math.max(size, 1), MAX_PAGE_SIZE), order(sort, descending)));
		List<Long> ids = found.getContent().stream().map(Inspector::getId).toList();
		if (!ids.isEmpty()) {
			// loads the collections of this page's entries into the persistence context in two queries, not 2n
			this.inspectors.findWithCertificatesByIdIn(ids);
			this.inspectors.findWithExpertiseByIdIn(ids);
		}
		EligibilityQuestion question = EligibilityQuestion.on(today);
		return found.map(i -> new InspectorRow(i.getId(), i.getName(), i.getKind(), i.getDepartmentId(), i.getUnit(),
				i.getRegionCode(), i.getStatus(), i.getMaskedPhone(), i.getExpertise(),
				InspectorEligibilityPolicy.evaluate(i, question).refusals()));
	}

	/**
	 * Every entry the list would show for these filters, in its order, with certificates, items and expertise
	 * loaded: the export reads the same data scope as the list page, a page of entries at a time.
	 */
	public void export(InspectorSearch criteria, String sort, boolean descending, Consumer<Inspector> consumer) {
		Actor me = this.actor.get();
		me.require("inspector.export", READERS);
		// recorded in its own transaction: the export itself only reads
		this.audit.recordStandalone(me, "inspector.export", AuditOutcome.SUCCESS,
				criteria + ", sort " + sort + (descending ? " desc" : ""));
		LocalDate today = today();
		Sort order = order(sort, descending);
		int written = 0;
		for (int page = 0; written < EXPORT_LIMIT; page++) {
			Page<Inspector> found = scopedPage(me, criteria, today, PageRequest.of(page, EXPORT_PAGE, order));
			List<Long> ids = found.getContent().stream().map(Inspector::getId).toList();
			if (ids.isEmpty()) {
				break;
			}
			this.inspectors.findWithCertificatesByIdIn(ids);
			this.inspectors.findWithExpertiseByIdIn(ids);
			this.inspectors.findWithItemCodesByIdIn(ids);
			for (Inspector inspector : found.getContent()) {
				if (written++ < EXPORT_LIMIT) {
					consumer.accept(inspector);
				}
			}
			if (!found.hasNext()) {
				break;
			}
		}
	}

	/** The department scope: the bureau may narrow to any department, everyone else sees their own only. */
	private Page<Inspector> scopedPage(Actor me, InspectorSearch criteria, LocalDate today, Pageable pageable) {
		Long departmentId = me.has(Role.BUREAU) ? criteria.departmentId() : me.departmentId();
		return this.inspectors.search(departmentId, likePattern(criteria.text()), criteria.kind(), criteria.status(),
				blankToEmpty(criteria.regionCode()), blankToEmpty(criteria.expertise()),
				(criteria.certificate() != null) ? criteria.certificate().name() : "", enforcementKinds(), today,
				pageable);
	}

	private static Sort order(String sort, boolean descending) {
		String property = SORTS.getOrDefault((sort != null) ? sort : "", "name");
		return Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, property).and(Sort.by("id"));
	}

	/** The detail page's data; 404 outside the actor's data scope. */
	public InspectorDetail detail(Long id) {
		Inspector inspector = readable(id);
		List<InspectorConflict> conflicts = inspector.getConflicts();
		List<Long> targetIds = conflicts.stream().map(InspectorConflict::getTargetId).toList();
		Map<Long, TargetReference> named = targetIds.isEmpty() ? Map.of()
				: this.targets.findTargetsByIdIn(targetIds)
					.stream()
					.collect(Collectors.toMap(TargetReference::getId, Function.identity()));
		return new InspectorDetail(inspector, inspector.getCertificates(), inspector.getItemCodes(),
				inspector.getExpertise(),
				conflicts.stream()
					.map(c -> new InspectorDetail.DeclaredConflict(c, named.get(c.getTargetId())))
					.toList(),
				InspectorEligibilityPolicy.evaluate(inspector, EligibilityQuestion.on(today())),
				mayChange(inspector));
	}

	/**
	 * Whether the draw may assign this person on that day to a check of these items (抽查事项 codes) at that
	 * target, with every reason of refusal. No items or no target leave those rules out.
	 */
	public Eligibility eligibility(Inspector inspector, LocalDate on, Collection<String> itemCodes, Long targetId) {
		return InspectorEligibilityPolicy.evaluate(inspector, EligibilityQuestion.of(on, itemCodes, targetId));
	}

	/** As {@link #eligibility(Inspector, LocalDate, Collection, Long)}, for an entry in the actor's scope. */
	public Eligibility eligibility(Long id, LocalDate on, Collection<String> itemCodes, Long targetId) {
		return eligibility(readable(id), on, itemCodes, targetId);
	}

	/** Officers and department managers add people to their own department's registry. */
	public boolean mayCreate() {
		return this.actor.get().hasAny(MAINTAINERS);
	}

	@Transactional
	public Inspector create(InspectorDetails details) {
		Actor me = this.actor.get();
		me.require("inspector.create", MAINTAINERS);
		return add(details, me.departmentId(), "inspector.create");
	}

	/**
	 * Changes the entry. {@code expectedVersion} is the version the form was filled in from: a change made by
	 * someone else in the meantime is refused rather than overwritten.
	 */
	@Transactional
	public Inspector update(Long id, long expectedVersion, InspectorDetails details) {
		Inspector inspector = changeable(id, "inspector.edit");
		if (inspector.getVersion() != expectedVersion) {
			throw new DomainException("inspector.changedMeanwhile");
		}
		InspectorDetails checked = check(details, inspector.getDepartmentId(), inspector.getId());
		String before = describe(inspector);
		inspector.apply(checked, this.clock.instant());
		String changes = changes(before, describe(inspector));
		this.audit.success("inspector.edit", "inspector", id, inspector.getName() + ": " + changes);
		return inspector;
	}

	@Transactional
	public InspectorCertificate addCertificate(Long id, NewCertificate certificate) {
		Inspector inspector = changeable(id, "inspector.certificate.add");
		NewCertificate checked = checkCertificate(certificate);
		String number = checked.number();
		if (this.inspectors.existsByCertificatesNumber(number)) {
			throw new DomainException("inspector.certificate.number.duplicate", "number", number);
		}
		InspectorCertificate added = inspector.addCertificate(checked, this.clock.instant());
		this.audit.success("inspector.certificate.add", "inspector", id, inspector.getName() + ": + "
				+ checked.kind() + " " + number + " " + checked.issuingBody() + " valid until " + checked.validUntil());
		return added;
	}

	@Transactional
	public void removeCertificate(Long id, Long certificateId) {
		Inspector inspector = changeable(id, "inspector.certificate.remove");
		InspectorCertificate removed = inspector.removeCertificate(certificateId, this.clock.instant())
			.orElseThrow(() -> new DomainException("inspector.certificate.unknown"));
		this.audit.success("inspector.certificate.remove", "inspector", id, inspector.getName() + ": - "
				+ removed.getKind() + " " + removed.getNumber() + " valid until " + removed.getValidUntil());
	}

	/**
	 * Adds the items (抽查事项, by code) of the department's item list that the person may inspect. Codes are
	 * given separated by commas, spaces or 、; known ones are skipped.
	 */
	@Transactional
	public List<String> addItems(Long id, String codes) {
		Inspector inspector = changeable(id, "inspector.item.add");
		List<String> parsed = itemCodes(codes);
		List<String> added = parsed.stream().filter(code -> inspector.addItem(code, this.clock.instant())).toList();
		if (!added.isEmpty()) {
			this.audit.success("inspector.item.add", "inspector", id,
					inspector.getName() + ": + " + String.join(", ", added));
		}
		return added;
	}

	@Transactional
	public void removeItem(Long id, String itemCode) {
		Inspector inspector = changeable(id, "inspector.item.remove");
		if (itemCode == null || !inspector.removeItem(itemCode, this.clock.instant())) {
			throw new DomainException("inspector.item.unknown");
		}
		this.audit.success("inspector.item.remove", "inspector", id, inspector.getName() + ": - " + itemCode);
	}

	/** 回避: declares a conflict of interest with the target of that code; the draw will skip the pair. */
	@Transactional
	public InspectorConflict declareConflict(Long id, String targetCode, String reason) {
		Actor me = this.actor.get();
		Inspector inspector = changeable(id, "inspector.conflict.declare");
		return declare(inspector, targetCode, reason, me.username());
	}

	/** Demo data and installation: a declared conflict outside any user request. */
	@Transactional
	public InspectorConflict provisionConflict(Long id, String targetCode, String reason) {
		this.actor.get().requireSystem("inspector.provision");
		Inspector inspector = this.inspectors.findById(id).orElseThrow(() -> new NotFoundException("inspector", id));
		return declare(inspector, targetCode, reason, Actor.SYSTEM);
	}

	private InspectorConflict declare(Inspector inspector, String targetCode, String reason, String declaredBy) {
		String code = strip(targetCode);
		if (code == null) {
			throw new DomainException("inspector.conflict.targetCode.required", "targetCode");
		}
		String why = strip(reason);
		if (why == null) {
			throw new DomainException("inspector.conflict.reason.required", "reason");
		}
		if (why.length() > 200) {
			throw new DomainException("inspector.conflict.reason.tooLong", "reason", 200);
		}
		List<TargetReference> found = this.targets.findTargetsByCode(code);
		if (found.isEmpty()) {
			throw new DomainException("inspector.conflict.target.unknown", "targetCode", code);
		}
		if (found.size() > 1) {
			throw new DomainException("inspector.conflict.target.ambiguous", "targetCode", code);
		}
		TargetReference target = found.get(0);
		if (inspector.hasConflictWith(target.getId())) {
			throw new DomainException("inspector.conflict.duplicate", "targetCode", code);
		}
		InspectorConflict conflict = inspector.declareConflict(target.getId(), why, today(), declaredBy,
				this.clock.instant());
		this.audit.success("inspector.conflict.declare", "inspector", inspector.getId(),
				inspector.getName() + ": + " + target.getCode() + " " + target.getName() + " (" + why + ")");
		return conflict;
	}

	@Transactional
	public void withdrawConflict(Long id, Long conflictId) {
		Inspector inspector = changeable(id, "inspector.conflict.withdraw");
		InspectorConflict removed = inspector.withdrawConflict(conflictId, this.clock.instant())
			.orElseThrow(() -> new DomainException("inspector.conflict.unknown"));
		this.audit.success("inspector.conflict.withdraw", "inspector", id,
				inspector.getName() + ": - target " + removed.getTargetId() + " (" + removed.getReason() + ")");
	}

	/** Adds an entry outside any user request (demo data, installation), into the given department. */
	@Transactional
	public Inspector provision(Long departmentId, InspectorDetails details, List<NewCertificate> certificates,
			Collection<String> itemCodes) {
		this.actor.get().requireSystem("inspector.provision");
		Inspector inspector = add(details, departmentId, "inspector.provision");
		for (NewCertificate certificate : certificates) {
			if (this.inspectors.existsByCertificatesNumber(certificate.number())) {
				throw new DomainException("inspector.certificate.number.duplicate", "number", certificate.number());
			}
			inspector.addCertificate(certificate, this.clock.instant());
		}
		for (String code : itemCodes) {
			inspector.addItem(code, this.clock.instant());
		}
		this.inspectors.save(inspector);
		return inspector;
	}

	/** For idempotent provisioning: whether the department already has an entry of that name. */
	public boolean provisioned(Long departmentId, String name) {
		this.actor.get().requireSystem("inspector.provision");
		return this.inspectors.existsByDepartmentIdAndName(departmentId, name);
	}

	private Inspector add(InspectorDetails details, Long departmentId, String action) {
		InspectorDetails checked = check(details, departmentId, null);
		Inspector saved = this.inspectors.save(new Inspector(checked, departmentId, this.clock.instant()));
		this.audit.success(action, "inspector", saved.getId(), describe(saved));
		return saved;
	}

	/** The rules of an entry, each refusal on its form field; returns the details tidied (stripped, nulls). */
	private InspectorDetails check(InspectorDetails details, Long departmentId, Long id) {
		InspectorDetails checked = checkDetails(details, code -> this.regions.findByCode(code).isPresent());
		if (checked.userAccountId() != null) {
			UserAccount account = this.accounts.findById(checked.userAccountId()).orElse(null);
			if (account == null || !Objects.equals(account.getDepartmentId(), departmentId)) {
				throw new DomainException("inspector.account.notInDepartment", "userAccountId");
			}
			boolean taken = (id != null) ? this.inspectors.existsByUserAccountIdAndIdNot(account.getId(), id)
					: this.inspectors.existsByUserAccountId(account.getId());
			if (taken) {
				throw new DomainException("inspector.account.taken", "userAccountId", account.getUsername());
			}
		}
		return checked;
	}

	/**
	 * The rules of an entry that need no other entry: the form and the import (批量导入) refuse a person for the
	 * same reasons with the same message keys. Throws at the first refusal, on its form field.
	 */
	static InspectorDetails checkDetails(InspectorDetails details, Predicate<String> regionExists) {
		String name = strip(details.name());
		if (name == null) {
			throw new DomainException("inspector.name.required", "name");
		}
		if (name.length() > 50) {
			throw new DomainException("inspector.name.tooLong", "name", 50);
		}
		if (details.kind() == null) {
			throw new DomainException("inspector.kind.required", "kind");
		}
		String unit = strip(details.unit());
		if (unit != null && unit.length() > 100) {
			throw new DomainException("inspector.unit.tooLong", "unit", 100);
		}
		if (details.regionCode() == null || !regionExists.test(details.regionCode())) {
			throw new DomainException("inspector.region.unknown", "regionCode");
		}
		String phone = strip(details.phone());
		if (phone != null && !PhoneNumbers.isValid(phone)) {
			throw new DomainException("inspector.phone.invalid", "phone");
		}
		String qualifications = strip(details.qualifications());
		if (qualifications != null && qualifications.length() > 500) {
			throw new DomainException("inspector.qualifications.tooLong", "qualifications", 500);
		}
		Set<String> expertise = new LinkedHashSet<>();
		for (String tag : details.expertise()) {
			String t = strip(tag);
			if (t != null) {
				if (t.length() > 30) {
					throw new DomainException("inspector.expertise.tooLong", "expertise", 30);
				}
				expertise.add(t);
			}
		}
		if (expertise.size() > MAX_EXPERTISE_TAGS) {
			throw new DomainException("inspector.expertise.tooMany", "expertise", MAX_EXPERTISE_TAGS);
		}
		return new InspectorDetails(name, details.kind(), unit, details.regionCode(), details.status(), phone,
				details.clearPhone(), qualifications, details.userAccountId(), expertise);
	}

	/**
	 * The rules of one certificate apart from the uniqueness of its number (which needs the registry); returns
	 * it tidied. The column sizes of inspector_certificate are rules too: a longer value must be refused here,
	 * not fail the whole transaction at the database.
	 */
	static NewCertificate checkCertificate(NewCertificate certificate) {
		String number = strip(certificate.number());
		if (number == null) {
			throw new DomainException("inspector.certificate.number.required", "number");
		}
		if (number.length() > 64) {
			throw new DomainException("inspector.certificate.number.tooLong", "number", 64);
		}
		if (certificate.kind() == null) {
			throw new DomainException("inspector.certificate.kind.required", "kind");
		}
		String issuingBody = strip(certificate.issuingBody());
		if (issuingBody == null) {
			throw new DomainException("inspector.certificate.issuingBody.required", "issuingBody");
		}
		if (issuingBody.length() > 100) {
			throw new DomainException("inspector.certificate.issuingBody.tooLong", "issuingBody", 100);
		}
		if (certificate.validUntil() == null) {
			throw new DomainException("inspector.certificate.validUntil.required", "validUntil");
		}
		return new NewCertificate(number, certificate.kind(), issuingBody, certificate.validUntil());
	}

	private Inspector readable(Long id) {
		Actor me = this.actor.get();
		me.require("inspector.read", READERS);
		return (me.has(Role.BUREAU) ? this.inspectors.findById(id)
				: this.inspectors.findByIdAndDepartmentId(id, me.departmentId()))
			.orElseThrow(() -> new NotFoundException("inspector", id));
	}

	/** Readable, and of the actor's own department: the bureau reads others' entries but does not change them. */
	private Inspector changeable(Long id, String operation) {
		Actor me = this.actor.get();
		me.require(operation, MAINTAINERS);
		Inspector inspector = readable(id);
		if (!mayChange(inspector)) {
			throw new NotPermittedException(operation);
		}
		return inspector;
	}

	private boolean mayChange(Inspector inspector) {
		Actor me = this.actor.get();
		return me.hasAny(MAINTAINERS) && Objects.equals(me.departmentId(), inspector.getDepartmentId());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static List<CertificateKind> enforcementKinds() {
		return Arrays.stream(CertificateKind.values()).filter(CertificateKind::isEnforcement).toList();
	}

	/** The audit form of an entry: every recorded field, the phone masked (PI-2). */
	static String describe(Inspector i) {
		return "name=" + i.getName() + "; kind=" + i.getKind() + "; unit=" + nullToEmpty(i.getUnit()) + "; region="
				+ i.getRegionCode() + "; status=" + i.getStatus() + "; phone=" + i.getMaskedPhone()
				+ "; qualifications=" + nullToEmpty(i.getQualifications()) + "; account="
				+ ((i.getUserAccountId() != null) ? i.getUserAccountId() : "") + "; expertise="
				+ String.join("、", i.getExpertise());
	}

	/** "field: old → new" for every field of two {@link #describe} strings that differs. */
	static String changes(String before, String after) {
		String[] old = before.split("; ");
		String[] now = after.split("; ");
		List<String> changed = new ArrayList<>();
		for (int k = 0; k < Math.min(old.length, now.length); k++) {
			if (!old[k].equals(now[k])) {
				String field = now[k].substring(0, now[k].indexOf('='));
				changed.add(field + ": " + old[k].substring(field.length() + 1) + " → "
						+ now[k].substring(field.length() + 1));
			}
		}
		return changed.isEmpty() ? "no change" : String.join("; ", changed);
	}

	static List<String> itemCodes(String codes) {
		List<String> parsed = new ArrayList<>();
		if (codes != null) {
			for (String part : codes.split("[\\s,，、;；]+")) {
				if (!part.isBlank()) {
					String code = part.strip().toUpperCase(Locale.ROOT);
					if (!ITEM_CODE.matcher(code).matches()) {
						throw new DomainException("inspector.item.code.invalid", "codes", part.strip());
					}
					if (!parsed.contains(code)) {
						parsed.add(code);
					}
				}
			}
		}
		if (parsed.isEmpty()) {
			throw new DomainException("inspector.item.code.required", "codes");
		}
		return parsed;
	}

	/** A case-insensitive "contains" LIKE pattern with the wildcards of the input escaped by {@code !}. */
	static String likePattern(String text) {
		String t = strip(text);
		if (t == null) {
			return "";
		}
		String escaped = t.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

	private static String strip(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String blankToEmpty(String value) {
		return (value == null) ? "" : value.strip();
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

}
