package org.doublerandom.inspection.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.audit.AuditEvent;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.ItemList;
import org.doublerandom.inspection.item.ItemListStatus;
import org.doublerandom.inspection.item.ItemLists;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度抽查计划: reading plans in the actor's data scope, writing drafts, the workflow to publication and
 * amendment, the entry preview, and the coordinator's overlap check and merge. Every change is audited in
 * its transaction; {@link PlanAccess} says who may do what.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

	/** The joint plan belongs to the city's coordinator, the market-regulation bureau. */
	public static final String JOINT_OWNER_CODE = "SCJG";

	static final Set<PlanState> LIVE = EnumSet.of(PlanState.DRAFT, PlanState.SUBMITTED, PlanState.APPROVED,
			PlanState.PUBLISHED);

	private final Plans plans;

	private final ItemLists itemLists;

	private final Departments departments;

	private final ScopeCounts counts;

	private final EntryTasks entryTasks;

	private final PlanDeadlines deadlines;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final PublicPlanListing publicListing;

	public PlanService(Plans plans, ItemLists itemLists, Departments departments, ScopeCounts counts,
			EntryTasks entryTasks, PlanDeadlines deadlines, CurrentActor actor, AuditTrail audit, Clock clock,
			PublicPlanListing publicListing) {
		this.publicListing = publicListing;
		this.plans = plans;
		this.itemLists = itemLists;
		this.departments = departments;
		this.counts = counts;
		this.entryTasks = entryTasks;
		this.deadlines = deadlines;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reading

	public Page<Plan> search(Integer year, PlanType type, PlanState state, int page, int size) {
		Actor me = business("plan.read");
		Long scope = me.has(Role.BUREAU) ? null : me.departmentId();
		Page<Plan> result = this.plans.search(year, type, state, scope, PageRequest.of(Math.max(page, 0), size));
		result.forEach(PlanService::initialized);
		return result;
	}

	public Plan plan(Long id) {
		return initialized(readable(id));
	}

	/** Every version of the plan the actor may read, newest first. */
	public List<Plan> versions(Plan plan) {
		Actor me = business("plan.read");
		return this.plans.findByCodeOrderByVersionNoDesc(plan.getCode())
			.stream()
			.filter(p -> PlanAccess.canRead(me, p))
			.toList();
	}

	public List<AuditEvent> history(Plan plan) {
		return this.audit.history("plan", plan.getId());
	}

	public PlanDeadlines.Deadline deadline(Plan plan) {
		return this.deadlines.of(plan);
	}

	public boolean mayWrite(Plan plan) {
		return plan.isDraft() && PlanAccess.canWrite(this.actor.get(), plan.getType(), plan.getOwnerDepartmentId());
	}

	/** Amending: the plan's writers, on its published, latest version. */
	public boolean mayAmend(Plan plan) {
		return plan.getState() == PlanState.PUBLISHED
				&& PlanAccess.canWrite(this.actor.get(), plan.getType(), plan.getOwnerDepartmentId())
				&& this.plans.findByCodeOrderByVersionNoDesc(plan.getCode()).get(0).getId().equals(plan.getId());
	}

	public boolean mayApprove(Plan plan) {
		return PlanAccess.canApprove(this.actor.get(), plan);
	}

	public boolean mayCreate(PlanType type) {
		Actor me = this.actor.get();
		Long owner = (type == PlanType.JOINT) ? jointOwner().getId() : me.departmentId();
		return owner != null && PlanAccess.canWrite(me, type, owner);
	}

	public java.util.Optional<EntryTasks.EntryTask> taskOf(PlanEntry entry) {
		return this.entryTasks.taskOf(entry.getId());
	}

	/** Whether the actor may create the entry's task now: published, not merged away, no task yet. */
	public boolean mayCreateTask(Plan plan, PlanEntry entry) {
		return plan.getState() == PlanState.PUBLISHED && entry.getMergedIntoId() == null
				&& PlanAccess.canCreateTask(this.actor.get(), plan, entry) && taskOf(entry).isEmpty();
	}

	public boolean mayCoordinate() {
		return PlanAccess.canCoordinate(this.actor.get());
	}

	/** The published item lists whose items entries may name (department and joint lists), with their items. */
	public List<ItemList> publishedItemLists() {
		business("plan.read");
		List<ItemList> lists = this.itemLists.findByStatus(ItemListStatus.PUBLISHED);
		lists.forEach(list -> list.getItems().size());
		return lists;
	}

	/**
	 * Public notices: published versions and those amended or closed since, filtered and paged in the database
	 * (the filter's meaning is on {@link PublicPlanListing}).
	 */
	public Page<Plan> publicPlans(org.doublerandom.inspection.shared.PublicListFilter filter, int page, int size) {
		Page<Long> ids = this.publicListing.find(filter, PageRequest.of(Math.max(page, 0), size));
		Map<Long, Plan> byId = this.plans.findByIdIn(ids.getContent())
			.stream()
			.collect(Collectors.toMap(Plan::getId, p -> p));
		// a version the listing found is public and stays so: it cannot be missing here
		return ids.map(byId::get).map(PlanService::initialized);
	}

	public Plan publicPlan(Long id) {
		return initialized(this.plans.findPublicById(id).orElseThrow(() -> new NotFoundException("plan", id)));
	}

	// ---- writing a draft

	@Transactional
	public Plan create(PlanType type, int year, String name) {
		Actor me = business("plan.create");
		if (type == null) {
			throw new DomainException("plan.refused.typeRequired", "type");
		}
		int thisYear = LocalDate.now(this.clock).getYear();
		if (year < thisYear - 1 || year > thisYear + 1) {
			throw new DomainException("plan.refused.year", "year", String.valueOf(thisYear - 1),
					String.valueOf(thisYear + 1));
		}
		Department owner = (type == PlanType.JOINT) ? jointOwner()
				: this.departments.findById(me.departmentId() == null ? -1L : me.departmentId())
					.orElseThrow(() -> new NotPermittedException("plan.create"));
		if (!PlanAccess.canWrite(me, type, owner.getId())) {
			throw new NotPermittedException("plan.create");
		}
		long existing = this.plans.countByOwnerDepartmentIdAndTypeAndYearAndVersionNo(owner.getId(), type, year, 1);
		String code = ((type == PlanType.JOINT) ? "LH" : owner.getCode()) + "-" + year + "-"
				+ String.format("%02d", existing + 1);
		Plan plan = this.plans.save(new Plan(type, year, owner.getId(), code, name, me.username(), this.clock.instant()));
		this.plans.flush();
		this.audit.success("plan.create", "plan", plan.getId(), describe(plan));
		return plan;
	}

	@Transactional
	public void rename(Long planId, String name) {
		Plan plan = writable(planId);
		plan.rename(name);
		this.audit.success("plan.rename", "plan", plan.getId(), describe(plan));
	}

	@Transactional
	public PlanEntry addEntry(Long planId, EntryDetails details) {
		Plan plan = writable(planId);
		int sortOrder = plan.addEntry(details, resolveItems(details)).getSortOrder();
		Plan saved = this.plans.save(plan);
		this.plans.flush();
		PlanEntry entry = saved.getEntries().stream().filter(e -> e.getSortOrder() == sortOrder).findFirst().orElseThrow();
		this.audit.success("plan.entry.add", "plan", saved.getId(), describe(saved) + " " + entry.getName());
		return entry;
	}

	/** The plan holding the entry, in the actor's data scope. */
	public Plan planOfEntry(Long entryId) {
		PlanEntry entry = this.plans.findEntryById(entryId).orElseThrow(() -> new NotFoundException("planEntry", entryId));
		try {
			return plan(entry.getPlan().getId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("planEntry", entryId);
		}
	}

	@Transactional
	public void changeEntry(Long entryId, EntryDetails details) {
		Plan plan = writable(planOfEntry(entryId).getId());
		plan.changeEntry(entryId, details, resolveItems(details));
		this.audit.success("plan.entry.change", "plan", plan.getId(), describe(plan) + " " + details.name());
	}

	@Transactional
	public Plan removeEntry(Long entryId) {
		Plan plan = writable(planOfEntry(entryId).getId());
		PlanEntry removed = plan.removeEntry(entryId);
		this.audit.success("plan.entry.remove", "plan", plan.getId(), describe(plan) + " " + removed.getName());
		return plan;
	}

	// ---- workflow

	@Transactional
	public void submit(Long planId) {
		Plan plan = readable(planId);
		if (!PlanAccess.canWrite(this.actor.get(), plan.getType(), plan.getOwnerDepartmentId())) {
			throw new NotPermittedException("plan.submit");
		}
		plan.submit(this.clock.instant());
		this.audit.success("plan.submit", "plan", plan.getId(), describe(plan));
	}

	@Transactional
	public void returnToDraft(Long planId, String reason) {
		Plan plan = approvable(planId, "plan.return");
		if (reason == null || reason.isBlank()) {
			throw new DomainException("plan.refused.reasonRequired", "reason");
		}
		plan.returnToDraft();
		this.audit.success("plan.return", "plan", plan.getId(), describe(plan) + ": " + reason.strip());
	}

	@Transactional
	public void approve(Long planId) {
		Plan plan = approvable(planId, "plan.approve");
		plan.approve(this.actor.get().username(), this.clock.instant());
		this.audit.success("plan.approve", "plan", plan.getId(), describe(plan));
	}

	/** Publishes the plan (公示); a previous version it amends is superseded and stays readable. */
	@Transactional
	public void publish(Long planId) {
		Plan plan = approvable(planId, "plan.publish");
		plan.publish(this.actor.get().username(), this.clock.instant());
		if (plan.getPreviousVersionId() != null) {
			this.plans.findById(plan.getPreviousVersionId()).ifPresent(previous -> {
				previous.supersede();
				this.audit.success("plan.supersede", "plan", previous.getId(), describe(previous));
			});
		}
		this.audit.success("plan.publish", "plan", plan.getId(), describe(plan) + ", " + plan.getEntries().size()
				+ " entries" + (this.deadlines.of(plan).missed() ? ", after the deadline" : ""));
	}

	@Transactional
	public void close(Long planId) {
		Plan plan = approvable(planId, "plan.close");
		plan.close(this.clock.instant());
		this.audit.success("plan.close", "plan", plan.getId(), describe(plan));
	}

	/** 计划调整: starts the next version as a draft, with the reason; the published one stays in force until then. */
	@Transactional
	public Plan amend(Long planId, String reason) {
		Plan plan = readable(planId);
		if (!PlanAccess.canWrite(this.actor.get(), plan.getType(), plan.getOwnerDepartmentId())) {
			throw new NotPermittedException("plan.amend");
		}
		Plan next = this.plans.save(plan.startAmendment(reason, this.actor.get().username(), this.clock.instant()));
		this.plans.flush();
		this.audit.success("plan.amend", "plan", next.getId(), describe(next) + ": " + next.getAmendmentReason());
		return next;
	}

	// ---- preview and overlaps

	/** Matching targets per credit class for an entry being written, and the sample its rules plan. */
	public PlanPreview preview(TargetScope scope, Integer excludeWithinMonths, List<String> itemKeys,
			Map<CreditBand, Sampling> sampling, RoundingRule rounding, Integer total) {
		business("plan.read");
		long t0 = System.nanoTime();
		Map<CreditBand, Long> matching = this.counts.countByBand(scope, exclusion(excludeWithinMonths, itemKeys));
		Map<CreditBand, Long> planned = SamplingPolicy.plannedCounts(matching, sampling,
				(rounding != null) ? rounding : RoundingRule.CEILING, total);
		return PlanPreview.of(matching, planned, (System.nanoTime() - t0) / 1_000_000);
	}

	public PlanPreview preview(PlanEntry entry) {
		EntryDetails d = entry.details();
		return preview(d.scope(), d.excludeWithinMonths(), d.itemKeys(), d.sampling(), d.rounding(), d.sampleTotal());
	}

	/**
	 * 避免重复组织: pairs of live entries of the year, led by different departments, not yet merged, whose
	 * periods overlap and whose scopes share targets in the registry.
	 */
	public List<EntryOverlap> overlaps(int year) {
		Actor me = business("plan.overlap");
		if (!PlanAccess.canCoordinate(me)) {
			throw new NotPermittedException("plan.overlap");
		}
		List<PlanEntry> entries = this.plans.findByYearAndStateIn(year, LIVE)
			.stream()
			.flatMap(p -> p.getEntries().stream())
			.filter(e -> e.getMergedIntoId() == null)
			.toList();
		List<EntryOverlap> found = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			for (int j = i + 1; j < entries.size(); j++) {
				overlap(entries.get(i), entries.get(j)).ifPresent(found::add);
			}
		}
		return found;
	}

	private java.util.Optional<EntryOverlap> overlap(PlanEntry a, PlanEntry b) {
		if (a.getLeadDepartmentId().equals(b.getLeadDepartmentId()) || !a.overlapsInTime(b)) {
			return java.util.Optional.empty();
		}
		TargetScope common = a.scope().intersect(b.scope());
		if (common == null) {
			return java.util.Optional.empty();
		}
		Map<CreditBand, Long> shared = this.counts.countByBand(common, ScopeCounts.Exclusion.NONE);
		long total = SamplingPolicy.sum(shared);
		if (total == 0) {
			return java.util.Optional.empty();
		}
		EntryDetails merged = mergedDetails(a, b);
		long saved = SamplingPolicy.sum(SamplingPolicy.plannedCounts(shared, merged.sampling(), merged.rounding(),
				merged.sampleTotal()));
		Set<EntryItem> items = new LinkedHashSet<>(a.getItems());
		items.addAll(b.getItems());
		return java.util.Optional.of(new EntryOverlap(a, b, total, List.copyOf(items), merged.periodFrom(),
				merged.periodTo(), saved));
	}

	/**
	 * 进一次门、查多项事: one joint entry in the year's joint plan (a draft, started if the year has none) covering
	 * the shared targets with the items of both; the two entries are marked as merged into it.
	 */
	@Transactional
	public PlanEntry merge(Long firstEntryId, Long secondEntryId) {
		Actor me = business("plan.merge");
		if (!PlanAccess.canCoordinate(me)) {
			throw new NotPermittedException("plan.merge");
		}
		PlanEntry a = this.plans.findEntryById(firstEntryId).orElseThrow(() -> new NotFoundException("planEntry", firstEntryId));
		PlanEntry b = this.plans.findEntryById(secondEntryId).orElseThrow(() -> new NotFoundException("planEntry", secondEntryId));
		EntryOverlap overlap = overlap(a, b).filter(o -> a.getMergedIntoId() == null && b.getMergedIntoId() == null)
			.orElseThrow(() -> new DomainException("plan.overlap.refused.none"));
		int year = a.getPlan().getYear();
		List<Plan> joint = this.plans.findByYearAndTypeAndStateIn(year, PlanType.JOINT, LIVE);
		Plan target = joint.stream().filter(Plan::isDraft).findFirst().orElse(null);
		if (target == null && !joint.isEmpty()) {
			throw new DomainException("plan.overlap.refused.jointPlanNotDraft", null, joint.get(0).getCode());
		}
		if (target == null) {
			target = create(PlanType.JOINT, year, year + "年度部门联合双随机抽查计划");
		}
		int sortOrder = target.addEntry(mergedDetails(a, b), overlap.items()).getSortOrder();
		Plan saved = this.plans.save(target);
		this.plans.flush();
		// the managed copy carries the id (saving a plan that is already managed merges its new entry)
		PlanEntry merged = saved.getEntries().stream().filter(e -> e.getSortOrder() == sortOrder).findFirst().orElseThrow();
		a.mergeInto(merged.getId());
		b.mergeInto(merged.getId());
		this.audit.success("plan.entry.merge", "plan", saved.getId(), describe(saved) + " " + merged.getName() + " <- "
				+ describe(a.getPlan()) + "#" + a.getId() + " + " + describe(b.getPlan()) + "#" + b.getId() + ", "
				+ overlap.sharedTargets() + " shared targets, " + overlap.savedVisits() + " visits saved");
		return merged;
	}

	/** The merged entry: common scope and period, both departments' items and officers, the stricter sampling. */
	static EntryDetails mergedDetails(PlanEntry a, PlanEntry b) {
		EntryDetails x = a.details();
		EntryDetails y = b.details();
		TargetScope scope = x.scope().intersect(y.scope());
		Map<Long, Integer> officers = new LinkedHashMap<>(x.officers());
		y.officers().forEach((dept, n) -> officers.merge(dept, n, Math::max));
		List<String> items = new ArrayList<>(x.itemKeys());
		y.itemKeys().stream().filter(k -> !items.contains(k)).forEach(items::add);
		Set<InspectionMethod> methods = EnumSet.copyOf(x.methods());
		methods.addAll(y.methods());
		Map<CreditBand, Sampling> sampling = new EnumMap<>(x.sampling());
		y.sampling().forEach((band, rule) -> sampling.merge(band, rule, PlanService::stricter));
		boolean shareTotal = x.rounding() == RoundingRule.LARGEST_REMAINDER && y.rounding() == RoundingRule.LARGEST_REMAINDER;
		Integer months = (x.excludeWithinMonths() == null) ? y.excludeWithinMonths()
				: (y.excludeWithinMonths() == null) ? x.excludeWithinMonths()
						: Integer.valueOf(Math.max(x.excludeWithinMonths(), y.excludeWithinMonths()));
		LocalDate from = x.periodFrom().isAfter(y.periodFrom()) ? x.periodFrom() : y.periodFrom();
		LocalDate to = x.periodTo().isBefore(y.periodTo()) ? x.periodTo() : y.periodTo();
		String name = x.name() + " + " + y.name();
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		return new EntryDetails(name, x.selection(), x.level(), from, to, x.leadDepartmentId(), officers, items, methods,
				scope, months, sampling, shareTotal ? RoundingRule.LARGEST_REMAINDER : RoundingRule.CEILING,
				shareTotal ? Math.max(x.sampleTotal(), y.sampleTotal()) : null);
	}

	private static Sampling stricter(Sampling a, Sampling b) {
		if (a.isRate() && b.isRate()) {
			return (a.rateBasisPoints() >= b.rateBasisPoints()) ? a : b;
		}
		if (!a.isRate() && !b.isRate()) {
			return (a.fixedCount() >= b.fixedCount()) ? a : b;
		}
		return a.isRate() ? a : b;
	}

	// ---- demo data

	/** Demo data: a plan taken through the whole workflow as the system. */
	@Transactional
	public Plan provisionPublished(PlanType type, int year, Long ownerDepartmentId, String name,
			List<EntryDetails> entries) {
		Plan plan = provisionedDraft(type, year, ownerDepartmentId, name, entries);
		plan.submit(this.clock.instant());
		plan.approve(Actor.SYSTEM, this.clock.instant());
		plan.publish(Actor.SYSTEM, this.clock.instant());
		Plan saved = this.plans.save(plan);
		this.plans.flush();
		this.audit.success("plan.publish", "plan", saved.getId(), describe(saved) + " (demo)");
		return saved;
	}

	/** Demo data: a department's plan still being written. */
	@Transactional
	public Plan provisionDraft(PlanType type, int year, Long ownerDepartmentId, String name, List<EntryDetails> entries) {
		Plan saved = this.plans.save(provisionedDraft(type, year, ownerDepartmentId, name, entries));
		this.plans.flush();
		this.audit.success("plan.create", "plan", saved.getId(), describe(saved) + " (demo)");
		return saved;
	}

	private Plan provisionedDraft(PlanType type, int year, Long ownerDepartmentId, String name,
			List<EntryDetails> entries) {
		this.actor.get().requireSystem("plan.provision");
		long existing = this.plans.countByOwnerDepartmentIdAndTypeAndYearAndVersionNo(ownerDepartmentId, type, year, 1);
		Department owner = this.departments.findById(ownerDepartmentId)
			.orElseThrow(() -> new NotFoundException("department", ownerDepartmentId));
		String code = ((type == PlanType.JOINT) ? "LH" : owner.getCode()) + "-" + year + "-"
				+ String.format("%02d", existing + 1);
		Plan plan = new Plan(type, year, ownerDepartmentId, code, name, Actor.SYSTEM, this.clock.instant());
		entries.forEach(details -> plan.addEntry(details, resolveItems(details)));
		return plan;
	}

	public boolean exists(PlanType type, int year, Long ownerDepartmentId) {
		return this.plans.countByOwnerDepartmentIdAndTypeAndYearAndVersionNo(ownerDepartmentId, type, year, 1) > 0;
	}

	// ---- helpers

	public Department jointOwner() {
		return this.departments.findByCode(JOINT_OWNER_CODE)
			.orElseThrow(() -> new NotFoundException("department", JOINT_OWNER_CODE));
	}

	/**
	 * The entry's item keys in the published lists; each item belongs to a department taking part, and in a
	 * joint entry every department brings at least one item of its own.
	 */
	List<EntryItem> resolveItems(EntryDetails details) {
		Map<String, ItemList> published = new LinkedHashMap<>();
		List<EntryItem> resolved = new ArrayList<>();
		for (String key : details.itemKeys()) {
			String[] parts = key.split(":", 3);
			Long departmentId;
			try {
				departmentId = (parts.length == 3) ? Long.valueOf(parts[0]) : null;
			}
			catch (NumberFormatException ex) {
				departmentId = null;
			}
			if (departmentId == null || !(parts[1].equals("J") || parts[1].equals("D"))) {
				throw new DomainException("plan.entry.refused.unknownItem", "itemKeys", key);
			}
			boolean joint = parts[1].equals("J");
			Long dept = departmentId;
			ItemList list = published.computeIfAbsent(dept + ":" + joint, k -> this.itemLists
				.findByDepartmentIdAndJointAndStatus(dept, joint, ItemListStatus.PUBLISHED)
				.orElse(null));
			InspectionItem item = (list == null) ? null : list.itemByCode(parts[2]).orElse(null);
			if (item == null) {
				throw new DomainException("plan.entry.refused.unknownItem", "itemKeys", parts[2]);
			}
			if (!details.officers().containsKey(dept)) {
				throw new DomainException("plan.entry.refused.itemOfOutsider", "itemKeys", item.getCode());
			}
			resolved.add(new EntryItem(dept, joint, item.getCode(), item.getName()));
		}
		Set<Long> bringing = resolved.stream().map(EntryItem::getDepartmentId).collect(Collectors.toSet());
		for (Long dept : details.officers().keySet()) {
			if (!bringing.contains(dept)) {
				String name = this.departments.findById(dept).map(Department::getShortName).orElse(String.valueOf(dept));
				throw new DomainException("plan.entry.refused.departmentWithoutItems", "itemKeys", name);
			}
		}
		return resolved;
	}

	private ScopeCounts.Exclusion exclusion(Integer months, List<String> itemKeys) {
		if (months == null || itemKeys == null || itemKeys.isEmpty()) {
			return ScopeCounts.Exclusion.NONE;
		}
		Set<String> codes = itemKeys.stream()
			.map(k -> k.split(":", 3))
			.filter(p -> p.length == 3)
			.map(p -> p[0] + ":" + p[2])
			.collect(Collectors.toSet());
		return new ScopeCounts.Exclusion(LocalDate.now(this.clock).minusMonths(months), codes);
	}

	private Plan readable(Long id) {
		Actor me = business("plan.read");
		return (me.has(Role.BUREAU) ? this.plans.findById(id) : this.plans.findReadable(id, me.departmentId()))
			.filter(p -> PlanAccess.canRead(me, p))
			.orElseThrow(() -> new NotFoundException("plan", id));
	}

	private Plan writable(Long id) {
		Plan plan = readable(id);
		if (!PlanAccess.canWrite(this.actor.get(), plan.getType(), plan.getOwnerDepartmentId())) {
			throw new NotPermittedException("plan.edit");
		}
		return plan;
	}

	private Plan approvable(Long id, String operation) {
		Plan plan = readable(id);
		if (!PlanAccess.canApprove(this.actor.get(), plan)) {
			throw new NotPermittedException(operation);
		}
		return plan;
	}

	/** Plans are business data: the administrators of 三员分立 see none of them. */
	private Actor business(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

	private String describe(Plan plan) {
		return plan.getCode() + " v" + plan.getVersionNo() + " (" + plan.getState() + ")";
	}

	/** Loads what the pages show while the transaction is open (no open session in view). */
	static Plan initialized(Plan plan) {
		plan.getEntries().forEach(e -> {
			e.getItems().size();
			e.getDepartments().size();
			e.getSampling().size();
		});
		return plan;
	}

}
