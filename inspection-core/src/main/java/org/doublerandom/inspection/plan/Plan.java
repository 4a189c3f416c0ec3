package org.doublerandom.inspection.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.doublerandom.inspection.shared.DomainException;

/**
 * 年度抽查计划, one version of it. The aggregate guards the workflow DRAFT → SUBMITTED → APPROVED →
 * PUBLISHED → (AMENDED by a later version | CLOSED), refusing any other step with the state it is in;
 * entries change only in a draft; only a published plan may be executed.
 */
@Entity
@Table(name = "plan")
public class Plan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private PlanType type;

	@Column(name = "plan_year")
	private int year;

	private Long ownerDepartmentId;

	private String code;

	private String name;

	private int versionNo;

	private Long previousVersionId;

	private String amendmentReason;

	@Enumerated(EnumType.STRING)
	private PlanState state;

	private Instant createdAt;

	private String createdBy;

	private Instant submittedAt;

	private Instant approvedAt;

	private String approvedBy;

	private Instant publishedAt;

	private String publishedBy;

	private Instant closedAt;

	@OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("sortOrder asc, id asc")
	private List<PlanEntry> entries = new ArrayList<>();

	@Version
	private long version;

	protected Plan() {
	}

	Plan(PlanType type, int year, Long ownerDepartmentId, String code, String name, String createdBy, Instant at) {
		this.type = Objects.requireNonNull(type);
		this.year = year;
		this.ownerDepartmentId = Objects.requireNonNull(ownerDepartmentId);
		this.code = Objects.requireNonNull(code);
		this.name = requireName(name);
		this.versionNo = 1;
		this.state = PlanState.DRAFT;
		this.createdBy = Objects.requireNonNull(createdBy);
		this.createdAt = Objects.requireNonNull(at);
	}

	static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new DomainException("plan.refused.nameRequired", "name");
		}
		if (name.strip().length() > 200) {
			throw new DomainException("plan.refused.nameTooLong", "name", 200);
		}
		return name.strip();
	}

	void rename(String newName) {
		requireState("rename", PlanState.DRAFT);
		this.name = requireName(newName);
	}

	PlanEntry addEntry(EntryDetails details, List<EntryItem> items) {
		requireState("editEntries", PlanState.DRAFT);
		requireEntryFits(details);
		int next = this.entries.stream().mapToInt(PlanEntry::getSortOrder).max().orElse(0) + 1;
		PlanEntry entry = new PlanEntry(this, next, details, items);
		this.entries.add(entry);
		return entry;
	}

	void changeEntry(Long entryId, EntryDetails details, List<EntryItem> items) {
		requireState("editEntries", PlanState.DRAFT);
		requireEntryFits(details);
		entry(entryId).apply(details, items);
	}

	PlanEntry removeEntry(Long entryId) {
		requireState("editEntries", PlanState.DRAFT);
		PlanEntry entry = entry(entryId);
		this.entries.remove(entry);
		return entry;
	}

	/**
	 * An entry runs within the plan's year, and a department plan's entries are led by the department itself
	 * (it may propose partners: 提出本部门牵头实施的部门联合抽查).
	 */
	private void requireEntryFits(EntryDetails details) {
		if (details.periodFrom().getYear() != this.year || details.periodTo().getYear() != this.year) {
			throw new DomainException("plan.entry.refused.periodOutsideYear", "periodFrom",
					String.valueOf(this.year));
		}
		if (this.type == PlanType.DEPARTMENT && !details.leadDepartmentId().equals(this.ownerDepartmentId)) {
			throw new DomainException("plan.entry.refused.departmentPlanLead", "leadDepartmentId");
		}
	}

	void submit(Instant at) {
		requireState("submit", PlanState.DRAFT);
		if (this.entries.isEmpty()) {
			throw new DomainException("plan.refused.noEntries");
		}
		this.state = PlanState.SUBMITTED;
		this.submittedAt = Objects.requireNonNull(at);
	}

	/** Sent back for changes by the approver, before approval or before publication. */
	void returnToDraft() {
		requireState("return", PlanState.SUBMITTED, PlanState.APPROVED);
		this.state = PlanState.DRAFT;
		this.submittedAt = null;
		this.approvedAt = null;
		this.approvedBy = null;
	}

	void approve(String by, Instant at) {
		requireState("approve", PlanState.SUBMITTED);
		this.state = PlanState.APPROVED;
		this.approvedBy = Objects.requireNonNull(by);
		this.approvedAt = Objects.requireNonNull(at);
	}

	void publish(String by, Instant at) {
		requireState("publish", PlanState.APPROVED);
		this.state = PlanState.PUBLISHED;
		this.publishedBy = Objects.requireNonNull(by);
		this.publishedAt = Objects.requireNonNull(at);
	}

	/** Replaced by its amendment; stays readable, publicly too. */
	void supersede() {
		requireState("supersede", PlanState.PUBLISHED);
		this.state = PlanState.AMENDED;
	}

	void close(Instant at) {
		requireState("close", PlanState.PUBLISHED);
		this.state = PlanState.CLOSED;
		this.closedAt = Objects.requireNonNull(at);
	}

	/** 计划调整: the next version as a draft holding copies of the entries; this one stays in force until then. */
	Plan startAmendment(String reason, String by, Instant at) {
		requireState("amend", PlanState.PUBLISHED);
		if (reason == null || reason.isBlank()) {
			throw new DomainException("plan.refused.reasonRequired", "reason");
		}
		Plan next = new Plan(this.type, this.year, this.ownerDepartmentId, this.code, this.name, by, at);
		next.versionNo = this.versionNo + 1;
		next.previousVersionId = this.id;
		next.amendmentReason = reason.strip();
		this.entries.forEach(entry -> next.entries.add(entry.copyFor(next)));
		return next;
	}

	/** 不得随意增加或减少检查次数: tasks come from published plans only. */
	public void requireExecutable() {
		if (this.state != PlanState.PUBLISHED) {
			throw new DomainException("plan.refused.notExecutable", null, this.state);
		}
	}

	private void requireState(String step, PlanState... allowed) {
		if (!Set.of(allowed).contains(this.state)) {
			throw new DomainException("plan.refused." + step, null, this.state);
		}
	}

	public PlanEntry entry(Long entryId) {
		return findEntry(entryId).orElseThrow(() -> new DomainException("plan.entry.refused.notInPlan", null, entryId));
	}

	public Optional<PlanEntry> findEntry(Long entryId) {
		return this.entries.stream().filter(e -> Objects.equals(e.getId(), entryId)).findFirst();
	}

	public boolean isDraft() {
		return this.state == PlanState.DRAFT;
	}

	public Long getId() {
		return this.id;
	}

	public PlanType getType() {
		return this.type;
	}

	public int getYear() {
		return this.year;
	}

	public Long getOwnerDepartmentId() {
		return this.ownerDepartmentId;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public int getVersionNo() {
		return this.versionNo;
	}

	public Long getPreviousVersionId() {
		return this.previousVersionId;
	}

	public String getAmendmentReason() {
		return this.amendmentReason;
	}

	public PlanState getState() {
		return this.state;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public String getApprovedBy() {
		return this.approvedBy;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getPublishedBy() {
		return this.publishedBy;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public List<PlanEntry> getEntries() {
		return List.copyOf(this.entries);
	}

}
