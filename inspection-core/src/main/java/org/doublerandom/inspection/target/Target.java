package org.doublerandom.inspection.target;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 检查对象: one entry of the target registry, stored once and linked to every department whose registry
 * includes it. Identified by its code; a market entity by its 统一社会信用代码 or legacy 注册号.
 */
@Entity
@Table(name = "target")
public class Target {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private TargetKind kind;

	@Enumerated(EnumType.STRING)
	private CodeType codeType;

	private String code;

	private String name;

	private String regionCode;

	private String address;

	private String industrySectionCode;

	private String industryDivisionCode;

	private String registrationAuthority;

	private LocalDate establishedOn;

	@Enumerated(EnumType.STRING)
	private TargetStatus status;

	private boolean abnormalListed;

	@Enumerated(EnumType.STRING)
	private CreditClass creditClass;

	private LocalDate creditClassOn;

	private String creditClassSource;

	private boolean keySupervision;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	// small collections, always shown with the target: loaded with it (the session is closed in the view)
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "target_tag", joinColumns = @JoinColumn(name = "target_id"))
	@Column(name = "tag")
	private Set<String> tags = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "target_department", joinColumns = @JoinColumn(name = "target_id"))
	@AttributeOverride(name = "departmentId", column = @Column(name = "department_id"))
	@AttributeOverride(name = "linkedAt", column = @Column(name = "linked_at"))
	private Set<DepartmentLink> departments = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "target_licence", joinColumns = @JoinColumn(name = "target_id"))
	private List<Licence> licences = new ArrayList<>();

	protected Target() {
	}

	Target(CodeType codeType, String code, TargetData data, String sectionCode, Instant now) {
		this.codeType = Objects.requireNonNull(codeType);
		this.code = Objects.requireNonNull(code);
		this.createdAt = now;
		apply(data, sectionCode, now);
	}

	/** Replaces the descriptive fields; the code is the target's identity and never changes. */
	void apply(TargetData data, String sectionCode, Instant now) {
		this.kind = Objects.requireNonNull(data.kind());
		this.name = data.name().strip();
		this.regionCode = data.regionCode();
		this.address = blankToNull(data.address());
		this.industryDivisionCode = blankToNull(data.industryDivisionCode());
		this.industrySectionCode = sectionCode;
		this.registrationAuthority = blankToNull(data.registrationAuthority());
		this.establishedOn = data.establishedOn();
		this.status = data.status();
		this.abnormalListed = data.abnormalListed();
		this.creditClass = data.creditClass();
		this.creditClassOn = data.creditClassOn();
		this.creditClassSource = blankToNull(data.creditClassSource());
		this.keySupervision = data.keySupervision();
		this.tags.clear();
		this.tags.addAll(data.tags());
		this.updatedAt = now;
	}

	boolean linkTo(Long departmentId, Instant now) {
		if (isLinkedTo(departmentId)) {
			return false;
		}
		return this.departments.add(new DepartmentLink(departmentId, now));
	}

	boolean unlinkFrom(Long departmentId) {
		return this.departments.removeIf(link -> link.departmentId().equals(departmentId));
	}

	void addLicence(Licence licence) {
		this.licences.add(licence);
	}

	void removeLicence(int index) {
		this.licences.remove(index);
	}

	public boolean isLinkedTo(Long departmentId) {
		return departmentId != null && this.departments.stream().anyMatch(l -> l.departmentId().equals(departmentId));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public Long getId() {
		return this.id;
	}

	public TargetKind getKind() {
		return this.kind;
	}

	public CodeType getCodeType() {
		return this.codeType;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public String getAddress() {
		return this.address;
	}

	public String getIndustrySectionCode() {
		return this.industrySectionCode;
	}

	public String getIndustryDivisionCode() {
		return this.industryDivisionCode;
	}

	public String getRegistrationAuthority() {
		return this.registrationAuthority;
	}

	public LocalDate getEstablishedOn() {
		return this.establishedOn;
	}

	public TargetStatus getStatus() {
		return this.status;
	}

	public boolean isAbnormalListed() {
		return this.abnormalListed;
	}

	public CreditClass getCreditClass() {
		return this.creditClass;
	}

	public LocalDate getCreditClassOn() {
		return this.creditClassOn;
	}

	public String getCreditClassSource() {
		return this.creditClassSource;
	}

	public boolean isKeySupervision() {
		return this.keySupervision;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Set<String> getTags() {
		return Set.copyOf(this.tags);
	}

	public Set<DepartmentLink> getDepartments() {
		return Set.copyOf(this.departments);
	}

	public List<Licence> getLicences() {
		return List.copyOf(this.licences);
	}

}
