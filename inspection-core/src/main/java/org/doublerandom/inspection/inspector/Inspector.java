package org.doublerandom.inspection.inspector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 执法检查人员: one person of a department's inspector registry. Belongs to exactly one department, which alone
 * maintains the entry. Whether the draw may assign the person is decided by {@link InspectorEligibilityPolicy}.
 */
@Entity
@Table(name = "inspector")
public class Inspector {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private InspectorKind kind;

	@Column(updatable = false)
	private Long departmentId;

	private String unit;

	private String regionCode;

	@Enumerated(EnumType.STRING)
	private InspectorStatus status;

	private String phone;

	private String qualifications;

	private Long userAccountId;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "inspector", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<InspectorCertificate> certificates = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "inspector_expertise", joinColumns = @JoinColumn(name = "inspector_id"))
	@Column(name = "tag")
	private Set<String> expertise = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "inspector_item", joinColumns = @JoinColumn(name = "inspector_id"))
	@Column(name = "item_code")
	private Set<String> itemCodes = new HashSet<>();

	@OneToMany(mappedBy = "inspector", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<InspectorConflict> conflicts = new ArrayList<>();

	protected Inspector() {
	}

	Inspector(InspectorDetails details, Long departmentId, Instant now) {
		this.departmentId = Objects.requireNonNull(departmentId);
		this.status = InspectorStatus.ACTIVE;
		this.createdAt = now;
		apply(details, now);
	}

	void apply(InspectorDetails details, Instant now) {
		this.name = Objects.requireNonNull(details.name());
		this.kind = Objects.requireNonNull(details.kind());
		this.unit = details.unit();
		this.regionCode = Objects.requireNonNull(details.regionCode());
		this.status = (details.status() != null) ? details.status() : this.status;
		if (details.clearPhone()) {
			this.phone = null;
		}
		else if (details.phone() != null) {
			this.phone = details.phone();
		}
		this.qualifications = details.qualifications();
		this.userAccountId = details.userAccountId();
		this.expertise.clear();
		this.expertise.addAll(details.expertise());
		this.updatedAt = now;
	}

	InspectorCertificate addCertificate(NewCertificate certificate, Instant now) {
		InspectorCertificate added = new InspectorCertificate(this, certificate.number(), certificate.kind(),
				certificate.issuingBody(), certificate.validUntil());
		this.certificates.add(added);
		this.updatedAt = now;
		return added;
	}

	/**
	 * A certificate of that number, renewed or corrected (kind, issuing body, validity), as an import in update
	 * mode brings it; {@code false} when the person holds no certificate of that number.
	 */
	boolean reviseCertificate(NewCertificate certificate, Instant now) {
		Optional<InspectorCertificate> found = this.certificates.stream()
			.filter(c -> c.getNumber().equals(certificate.number()))
			.findFirst();
		found.ifPresent(c -> {
			if (c.revise(certificate.kind(), certificate.issuingBody(), certificate.validUntil())) {
				this.updatedAt = now;
			}
		});
		return found.isPresent();
	}

	Optional<InspectorCertificate> removeCertificate(Long certificateId, Instant now) {
		Optional<InspectorCertificate> found = this.certificates.stream()
			.filter(c -> c.getId().equals(certificateId))
			.findFirst();
		found.ifPresent(c -> {
			this.certificates.remove(c);
			this.updatedAt = now;
		});
		return found;
	}

	boolean addItem(String itemCode, Instant now) {
		boolean added = this.itemCodes.add(itemCode);
		if (added) {
			this.updatedAt = now;
		}
		return added;
	}

	boolean removeItem(String itemCode, Instant now) {
		boolean removed = this.itemCodes.remove(itemCode);
		if (removed) {
			this.updatedAt = now;
		}
		return removed;
	}

	InspectorConflict declareConflict(Long targetId, String reason, LocalDate declaredOn, String declaredBy,
			Instant now) {
		InspectorConflict conflict = new InspectorConflict(this, targetId, reason, declaredOn, declaredBy);
		this.conflicts.add(conflict);
		this.updatedAt = now;
		return conflict;
	}

	Optional<InspectorConflict> withdrawConflict(Long conflictId, Instant now) {
		Optional<InspectorConflict> found = this.conflicts.stream()
			.filter(c -> c.getId().equals(conflictId))
			.findFirst();
		found.ifPresent(c -> {
			this.conflicts.remove(c);
			this.updatedAt = now;
		});
		return found;
	}

	/** Holds an enforcement certificate (行政执法证) valid on that day, the last day of validity included. */
	public boolean holdsValidEnforcementCertificate(LocalDate on) {
		return this.certificates.stream().anyMatch(c -> c.getKind().isEnforcement() && c.isValidOn(on));
	}

	public boolean hasEnforcementCertificate() {
		return this.certificates.stream().anyMatch(c -> c.getKind().isEnforcement());
	}

	public boolean mayInspect(String itemCode) {
		return this.itemCodes.contains(itemCode);
	}

	public boolean hasConflictWith(Long targetId) {
		return targetId != null && this.conflicts.stream().anyMatch(c -> c.getTargetId().equals(targetId));
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public InspectorKind getKind() {
		return this.kind;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public String getUnit() {
		return this.unit;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public InspectorStatus getStatus() {
		return this.status;
	}

	/** The full number, for the maintaining department only; pages and exports show {@link #getMaskedPhone()}. */
	public String getPhone() {
		return this.phone;
	}

	public String getMaskedPhone() {
		return PhoneNumbers.mask(this.phone);
	}

	public String getQualifications() {
		return this.qualifications;
	}

	public Long getUserAccountId() {
		return this.userAccountId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** Newest validity first. */
	public List<InspectorCertificate> getCertificates() {
		return this.certificates.stream()
			.sorted(Comparator.comparing(InspectorCertificate::getValidUntil).reversed())
			.toList();
	}

	public List<String> getExpertise() {
		return this.expertise.stream().sorted().toList();
	}

	public List<String> getItemCodes() {
		return this.itemCodes.stream().sorted().toList();
	}

	public List<InspectorConflict> getConflicts() {
		return this.conflicts.stream().sorted(Comparator.comparing(InspectorConflict::getDeclaredOn)).toList();
	}

}
