package org.doublerandom.inspection.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
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
 * 抽查事项清单, one version of it: a department's list, or the joint list (部门联合随机抽查事项清单) owned by
 * the coordinator. The aggregate guards its life: only a draft is edited; publishing needs items and work
 * rules; a new draft starts as a copy of the published version. Each refusal names its reason.
 */
@Entity
@Table(name = "item_list")
public class ItemList {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long departmentId;

	private boolean joint;

	private int versionNo;

	@Enumerated(EnumType.STRING)
	private ItemListStatus status;

	private String changeNote;

	private Instant createdAt;

	private String createdBy;

	private Instant publishedAt;

	private String publishedBy;

	private Instant supersededAt;

	@Embedded
	private WorkRules rules;

	@OneToMany(mappedBy = "list", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("sortOrder asc, code asc")
	private List<InspectionItem> items = new ArrayList<>();

	@Version
	private long version;

	protected ItemList() {
	}

	private ItemList(Long departmentId, boolean joint, int versionNo, String changeNote, String createdBy,
			Instant createdAt, WorkRules rules) {
		this.departmentId = Objects.requireNonNull(departmentId);
		this.joint = joint;
		this.versionNo = versionNo;
		this.status = ItemListStatus.DRAFT;
		this.changeNote = requireNote(changeNote);
		this.createdBy = Objects.requireNonNull(createdBy);
		this.createdAt = Objects.requireNonNull(createdAt);
		this.rules = rules;
	}

	/** Version 1 of a department's (or the joint) list: an empty draft. */
	static ItemList firstDraft(Long departmentId, boolean joint, String changeNote, String createdBy,
			Instant createdAt) {
		return new ItemList(departmentId, joint, 1, changeNote, createdBy, createdAt, WorkRules.none());
	}

	/** The next version: a draft holding copies of this published version's items and work rules. */
	ItemList startNextDraft(String changeNote, String createdBy, Instant createdAt) {
		if (this.status != ItemListStatus.PUBLISHED) {
			throw new DomainException("item.list.refused.draftFromPublishedOnly", null, this.versionNo);
		}
		ItemList draft = new ItemList(this.departmentId, this.joint, this.versionNo + 1, changeNote, createdBy,
				createdAt, getRules().copy());
		this.items.forEach(item -> draft.items.add(new InspectionItem(draft, item.details())));
		return draft;
	}

	InspectionItem addItem(ItemDetails details) {
		requireDraft();
		requireUniqueCode(details.code(), null);
		InspectionItem item = new InspectionItem(this, details);
		this.items.add(item);
		this.items.sort(InspectionItem.ORDER);
		return item;
	}

	void changeItem(Long itemId, ItemDetails details) {
		requireDraft();
		InspectionItem item = item(itemId)
			.orElseThrow(() -> new DomainException("item.refused.notInList", null, itemId));
		requireUniqueCode(details.code(), item);
		item.apply(details);
		this.items.sort(InspectionItem.ORDER);
	}

	InspectionItem removeItem(Long itemId) {
		requireDraft();
		InspectionItem item = item(itemId)
			.orElseThrow(() -> new DomainException("item.refused.notInList", null, itemId));
		this.items.remove(item);
		return item;
	}

	void reviseRules(WorkRules rules) {
		requireDraft();
		this.rules = rules;
	}

	/** Publishing needs a draft with at least one item and the work rules' draw method and approval authority. */
	void requirePublishable() {
		requireDraft();
		if (this.items.isEmpty()) {
			throw new DomainException("item.list.refused.noItems", null);
		}
		if (!getRules().isComplete()) {
			throw new DomainException("item.list.refused.rulesIncomplete", null);
		}
	}

	void publish(String publishedBy, Instant publishedAt) {
		requirePublishable();
		this.status = ItemListStatus.PUBLISHED;
		this.publishedBy = Objects.requireNonNull(publishedBy);
		this.publishedAt = Objects.requireNonNull(publishedAt);
	}

	void supersede(Instant at) {
		if (this.status != ItemListStatus.PUBLISHED) {
			throw new DomainException("item.list.refused.supersedePublishedOnly", null, this.versionNo);
		}
		this.status = ItemListStatus.SUPERSEDED;
		this.supersededAt = Objects.requireNonNull(at);
	}

	private void requireDraft() {
		if (this.status != ItemListStatus.DRAFT) {
			throw new DomainException("item.list.refused.notDraft", null, this.versionNo);
		}
	}

	private void requireUniqueCode(String code, InspectionItem except) {
		String wanted = code.strip();
		boolean taken = this.items.stream().anyMatch(i -> i != except && i.getCode().equalsIgnoreCase(wanted));
		if (taken) {
			throw new DomainException("item.refused.codeTaken", "code", wanted);
		}
	}

	private static String requireNote(String note) {
		if (note == null || note.isBlank()) {
			throw new DomainException("item.list.refused.noteRequired", "changeNote");
		}
		return note.strip();
	}

	public Optional<InspectionItem> item(Long itemId) {
		return this.items.stream().filter(i -> Objects.equals(i.getId(), itemId)).findFirst();
	}

	public Optional<InspectionItem> itemByCode(String code) {
		return this.items.stream().filter(i -> i.getCode().equals(code)).findFirst();
	}

	public boolean isDraft() {
		return this.status == ItemListStatus.DRAFT;
	}

	public Long getId() {
		return this.id;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public boolean isJoint() {
		return this.joint;
	}

	public int getVersionNo() {
		return this.versionNo;
	}

	public ItemListStatus getStatus() {
		return this.status;
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getPublishedBy() {
		return this.publishedBy;
	}

	public Instant getSupersededAt() {
		return this.supersededAt;
	}

	/** Never null: JPA loads an all-empty embeddable as null. */
	public WorkRules getRules() {
		return (this.rules != null) ? this.rules : WorkRules.none();
	}

	public List<InspectionItem> getItems() {
		return List.copyOf(this.items);
	}

}
