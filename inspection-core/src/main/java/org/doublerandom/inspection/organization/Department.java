package org.doublerandom.inspection.organization;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 部门: an enforcement department (行政执法部门) or another member unit of the joint conference, at city
 * or banner/district level. The market-regulation bureau of a level is its coordinator (牵头部门).
 */
@Entity
@Table(name = "department")
public class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String nameEn;

	private String shortName;

	private String regionCode;

	private boolean coordinator;

	private boolean enforcing;

	private boolean active;

	private int sortOrder;

	private Instant createdAt;

	@Version
	private long version;

	protected Department() {
	}

	Department(String code, String name, String nameEn, String shortName, String regionCode, boolean enforcing,
			int sortOrder, Instant createdAt) {
		this.code = Objects.requireNonNull(code);
		this.name = Objects.requireNonNull(name);
		this.nameEn = Objects.requireNonNull(nameEn);
		this.shortName = Objects.requireNonNull(shortName);
		this.regionCode = Objects.requireNonNull(regionCode);
		this.enforcing = enforcing;
		this.active = true;
		this.sortOrder = sortOrder;
		this.createdAt = Objects.requireNonNull(createdAt);
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getShortName() {
		return this.shortName;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public boolean isCoordinator() {
		return this.coordinator;
	}

	public boolean isEnforcing() {
		return this.enforcing;
	}

	public boolean isActive() {
		return this.active;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
