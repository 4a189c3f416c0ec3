package org.doublerandom.inspection.result.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.doublerandom.inspection.result.NonRandomEntry;
import org.doublerandom.inspection.result.NonRandomType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 非随机检查录入: the target's code, type, date, result, items, note and basis. A bean: a mistyped date leaves the
 * rest of what was typed on the form, with the error at its field.
 */
class NonRandomForm {

	private String targetCode;

	private NonRandomType type;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate inspectionDate;

	private String categoryCode;

	private List<String> itemCodes = new ArrayList<>();

	private String note;

	private String basis;

	NonRandomEntry toEntry() {
		return new NonRandomEntry(this.type, this.inspectionDate, this.categoryCode,
				new LinkedHashSet<>((this.itemCodes != null) ? this.itemCodes : List.of()), this.note, this.basis);
	}

	public String getTargetCode() {
		return this.targetCode;
	}

	public void setTargetCode(String targetCode) {
		this.targetCode = targetCode;
	}

	public NonRandomType getType() {
		return this.type;
	}

	public void setType(NonRandomType type) {
		this.type = type;
	}

	public LocalDate getInspectionDate() {
		return this.inspectionDate;
	}

	public void setInspectionDate(LocalDate inspectionDate) {
		this.inspectionDate = inspectionDate;
	}

	public String getCategoryCode() {
		return this.categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public List<String> getItemCodes() {
		return this.itemCodes;
	}

	public void setItemCodes(List<String> itemCodes) {
		this.itemCodes = itemCodes;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getBasis() {
		return this.basis;
	}

	public void setBasis(String basis) {
		this.basis = basis;
	}

}
