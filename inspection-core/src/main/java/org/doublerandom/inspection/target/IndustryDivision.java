package org.doublerandom.inspection.target;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 国民经济行业分类 GB/T 4754-2017: a division (大类, two digits) within its section (门类, a letter). */
@Entity
@Table(name = "industry_division")
public class IndustryDivision {

	@Id
	private String code;

	private String sectionCode;

	private String name;

	private String nameEn;

	protected IndustryDivision() {
	}

	public String getCode() {
		return this.code;
	}

	public String getSectionCode() {
		return this.sectionCode;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

}
