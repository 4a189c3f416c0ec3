package org.doublerandom.inspection.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 行政区划: a region identified by its GB/T 2260 code. Reference data, maintained by migrations. */
@Entity
@Table(name = "region")
public class Region {

	@Id
	@Column(length = 6)
	private String code;

	private String name;

	private String nameEn;

	@Column(length = 6)
	private String parentCode;

	@Enumerated(EnumType.STRING)
	private RegionLevel level;

	private int sortOrder;

	protected Region() {
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

	public String getParentCode() {
		return this.parentCode;
	}

	public RegionLevel getLevel() {
		return this.level;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

}
