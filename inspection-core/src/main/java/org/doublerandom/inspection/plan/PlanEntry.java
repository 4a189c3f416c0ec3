package org.doublerandom.inspection.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;

/**
 * 抽查项目: one line of a plan. Changed only through its {@link Plan} while the plan is a draft; an entry
 * merged into a joint entry keeps a pointer to it and is no longer executed on its own.
 */
@Entity
@Table(name = "plan_entry")
public class PlanEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "plan_id")
	private Plan plan;

	private int sortOrder;

	private String name;

	@Enumerated(EnumType.STRING)
	private Selection selection;

	@Enumerated(EnumType.STRING)
	private ImplementationLevel level;

	private LocalDate periodFrom;

	private LocalDate periodTo;

	private Long leadDepartmentId;

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> methods = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeKinds = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeRegions = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeIndustries = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeCreditClasses = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeStatuses = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeTags = new TreeSet<>();

	@Convert(converter = CodeSetConverter.class)
	private SortedSet<String> scopeLicences = new TreeSet<>();

	private boolean scopeKeyOnly;

	private Integer excludeWithinMonths;

	@Enumerated(EnumType.STRING)
	private RoundingRule rounding;

	private Integer sampleTotal;

	private Long mergedIntoId;

	@ElementCollection
	@CollectionTable(name = "plan_entry_department", joinColumns = @JoinColumn(name = "plan_entry_id"))
	private Set<EntryDepartment> departments = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "plan_entry_item", joinColumns = @JoinColumn(name = "plan_entry_id"))
	private Set<EntryItem> items = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "plan_entry_sampling", joinColumns = @JoinColumn(name = "plan_entry_id"))
	private Set<ClassSampling> sampling = new HashSet<>();

	protected PlanEntry() {
	}

	PlanEntry(Plan plan, int sortOrder, EntryDetails details, List<EntryItem> resolvedItems) {
		this.plan = Objects.requireNonNull(plan);
		this.sortOrder = sortOrder;
		apply(details, resolvedItems);
	}

	/** A copy for the next version of the plan (an amendment). */
	PlanEntry copyFor(Plan next) {
		PlanEntry copy = new PlanEntry();
		copy.plan = next;
		copy.sortOrder = this.sortOrder;
		copy.apply(details(), List.copyOf(this.items));
		return copy;
	}

	final void apply(EntryDetails details, List<EntryItem> resolvedItems) {
		this.name = details.name();
		this.selection = details.selection();
		this.level = details.level();
		this.periodFrom = details.periodFrom();
		this.periodTo = details.periodTo();
		this.leadDepartmentId = details.leadDepartmentId();
		this.methods = CodeSetConverter.of(details.methods());
		TargetScope scope = details.scope();
		this.scopeKinds = CodeSetConverter.of(scope.kinds());
		this.scopeRegions = CodeSetConverter.of(scope.regionCodes());
		this.scopeIndustries = CodeSetConverter.of(scope.industryCodes());
		this.scopeCreditClasses = CodeSetConverter.of(scope.creditBands());
		this.scopeStatuses = CodeSetConverter.of(scope.statuses());
		this.scopeTags = CodeSetConverter.of(scope.tags());
		this.scopeLicences = CodeSetConverter.of(scope.licences());
		this.scopeKeyOnly = scope.keySupervisionOnly();
		this.excludeWithinMonths = details.excludeWithinMonths();
		this.rounding = details.rounding();
		this.sampleTotal = details.sampleTotal();
		this.departments.clear();
		details.officers().forEach((department, officers) -> this.departments.add(new EntryDepartment(department, officers)));
		this.items.clear();
		this.items.addAll(resolvedItems);
		this.sampling.clear();
		details.sampling().forEach((band, rule) -> this.sampling.add(new ClassSampling(band, rule)));
	}

	void mergeInto(Long jointEntryId) {
		this.mergedIntoId = Objects.requireNonNull(jointEntryId);
	}

	/** The entry as a command again: the edit form's starting point and an amendment's copy. */
	public EntryDetails details() {
		Map<Long, Integer> officers = new LinkedHashMap<>();
		getDepartments().forEach(d -> officers.put(d.getDepartmentId(), d.getOfficersPerTarget()));
		return new EntryDetails(this.name, this.selection, this.level, this.periodFrom, this.periodTo,
				this.leadDepartmentId, officers, getItems().stream().map(EntryItem::key).toList(), getMethods(), scope(),
				this.excludeWithinMonths, samplingRules(), this.rounding, this.sampleTotal);
	}

	public TargetScope scope() {
		return new TargetScope(enums(this.scopeKinds, TargetKind.class), this.scopeRegions, this.scopeIndustries,
				enums(this.scopeCreditClasses, CreditBand.class), enums(this.scopeStatuses, TargetStatus.class),
				this.scopeTags, this.scopeLicences, this.scopeKeyOnly);
	}

	public Map<CreditBand, Sampling> samplingRules() {
		Map<CreditBand, Sampling> rules = new EnumMap<>(CreditBand.class);
		this.sampling.forEach(s -> rules.put(s.getBand(), s.sampling()));
		return rules;
	}

	public Set<InspectionMethod> getMethods() {
		return enums(this.methods, InspectionMethod.class);
	}

	/** Whether this entry and another run in overlapping periods. */
	public boolean overlapsInTime(PlanEntry other) {
		return !this.periodTo.isBefore(other.periodFrom) && !other.periodTo.isBefore(this.periodFrom);
	}

	private static <E extends Enum<E>> Set<E> enums(Set<String> names, Class<E> type) {
		Set<E> values = EnumSet.noneOf(type);
		names.forEach(n -> values.add(Enum.valueOf(type, n)));
		return values;
	}

	public Long getId() {
		return this.id;
	}

	public Plan getPlan() {
		return this.plan;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public String getName() {
		return this.name;
	}

	public Selection getSelection() {
		return this.selection;
	}

	public ImplementationLevel getLevel() {
		return this.level;
	}

	public LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public LocalDate getPeriodTo() {
		return this.periodTo;
	}

	public Long getLeadDepartmentId() {
		return this.leadDepartmentId;
	}

	public Integer getExcludeWithinMonths() {
		return this.excludeWithinMonths;
	}

	public RoundingRule getRounding() {
		return this.rounding;
	}

	public Integer getSampleTotal() {
		return this.sampleTotal;
	}

	public Long getMergedIntoId() {
		return this.mergedIntoId;
	}

	/** The lead department first, then the others by id. */
	public List<EntryDepartment> getDepartments() {
		List<EntryDepartment> list = new ArrayList<>(this.departments);
		list.sort(Comparator.comparing((EntryDepartment d) -> !d.getDepartmentId().equals(this.leadDepartmentId))
			.thenComparing(EntryDepartment::getDepartmentId));
		return list;
	}

	public int totalOfficersPerTarget() {
		return this.departments.stream().mapToInt(EntryDepartment::getOfficersPerTarget).sum();
	}

	public List<EntryItem> getItems() {
		List<EntryItem> list = new ArrayList<>(this.items);
		list.sort(Comparator.comparing(EntryItem::getDepartmentId).thenComparing(EntryItem::isJoint)
			.thenComparing(EntryItem::getItemCode));
		return list;
	}

	public List<EntryItem> itemsOf(Long departmentId) {
		return getItems().stream().filter(i -> i.getDepartmentId().equals(departmentId)).toList();
	}

	public List<ClassSampling> getSampling() {
		return this.sampling.stream().sorted(Comparator.comparing(ClassSampling::getBand)).toList();
	}

	public Set<Long> departmentIds() {
		return this.departments.stream().map(EntryDepartment::getDepartmentId).collect(Collectors.toSet());
	}

	public boolean isJointEntry() {
		return this.departments.size() > 1;
	}

}
