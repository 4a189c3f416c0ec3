package org.doublerandom.inspection.target;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 国民经济行业分类 GB/T 4754-2017: a section (门类, A to T). */
@Entity
@Table(name = "industry_section")
public class IndustrySection {

	@Id
	private String code;

	private String name;

	private String nameEn;

	protected IndustrySection() {
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

}
