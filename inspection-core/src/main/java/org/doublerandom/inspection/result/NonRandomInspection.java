package org.doublerandom.inspection.result;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 非随机检查: one department's inspection of a registry target that was not drawn (重点监管, 个案, 专项检查). It
 * is recorded as a draft, published once by the department's manager, and unchanged after that; it is never a
 * drawn result and never counts as one.
 */
@Entity
@Table(name = "non_random_inspection")
public class NonRandomInspection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long targetId;

	private Long departmentId;

	@Enumerated(EnumType.STRING)
	private NonRandomType type;

	private LocalDate inspectionDate;

	private String categoryCode;

	private String note;

	private String basis;

	@ElementCollection
	@CollectionTable(name = "non_random_inspection_item", joinColumns = @JoinColumn(name = "inspection_id"))
	@Column(name = "item_code")
	private Set<String> itemCodes = new HashSet<>();

	private String recordedBy;

	private Instant recordedAt;

	private String publishedBy;

	private Instant publishedAt;

	@Version
	private long version;

	protected NonRandomInspection() {
	}

	public NonRandomInspection(Long targetId, Long departmentId, NonRandomEntry entry, String by, Instant at) {
		this.targetId = Objects.requireNonNull(targetId);
		this.departmentId = Objects.requireNonNull(departmentId);
		this.type = entry.type();
		this.inspectionDate = entry.inspectionDate();
		this.categoryCode = entry.categoryCode();
		this.itemCodes.addAll(entry.itemCodes());
		this.note = entry.note();
		this.basis = entry.basis();
		this.recordedBy = Objects.requireNonNull(by);
		this.recordedAt = Objects.requireNonNull(at);
	}

	/** 公示: public from now on; once only. */
	public void publish(String by, Instant at) {
		if (isPublished()) {
			throw new DomainException("nonRandom.refused.published");
		}
		this.publishedBy = Objects.requireNonNull(by);
		this.publishedAt = Objects.requireNonNull(at);
	}

	public boolean isPublished() {
		return this.publishedAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public Long getTargetId() {
		return this.targetId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public NonRandomType getType() {
		return this.type;
	}

	public LocalDate getInspectionDate() {
		return this.inspectionDate;
	}

	public String getCategoryCode() {
		return this.categoryCode;
	}

	public String getNote() {
		return this.note;
	}

	public String getBasis() {
		return this.basis;
	}

	public Set<String> getItemCodes() {
		return Set.copyOf(new TreeSet<>(this.itemCodes));
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public String getPublishedBy() {
		return this.publishedBy;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

}
