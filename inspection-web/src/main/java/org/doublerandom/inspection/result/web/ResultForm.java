package org.doublerandom.inspection.result.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.ResultEntry;
import org.doublerandom.inspection.result.WorkRow;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 结果录入: the date, category, methods, measures, one line per item, and the abnormal-list flag. A bean rather than
 * a record: a mistyped date must leave the rest of what was typed on the form, with the error at its field.
 */
class ResultForm {

	/** One item line; {@code checked} is absent when the box is not ticked. */
	static class Line {

		private String itemCode;

		private String itemName;

		private Boolean checked;

		private String problems;

		private String handling;

		Line() {
		}

		Line(String itemCode, String itemName, Boolean checked, String problems, String handling) {
			this.itemCode = itemCode;
			this.itemName = itemName;
			this.checked = checked;
			this.problems = problems;
			this.handling = handling;
		}

		public String getItemCode() {
			return this.itemCode;
		}

		public void setItemCode(String itemCode) {
			this.itemCode = itemCode;
		}

		public String getItemName() {
			return this.itemName;
		}

		public void setItemName(String itemName) {
			this.itemName = itemName;
		}

		public Boolean getChecked() {
			return this.checked;
		}

		public void setChecked(Boolean checked) {
			this.checked = checked;
		}

		public String getProblems() {
			return this.problems;
		}

		public void setProblems(String problems) {
			this.problems = problems;
		}

		public String getHandling() {
			return this.handling;
		}

		public void setHandling(String handling) {
			this.handling = handling;
		}

	}

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate inspectionDate;

	private String categoryCode;

	private List<InspectionMethod> methods = new ArrayList<>();

	private List<String> measureCodes = new ArrayList<>();

	private List<Line> items = new ArrayList<>();

	private Boolean abnormalList;

	ResultEntry toEntry() {
		return new ResultEntry(this.inspectionDate, this.categoryCode, Set.copyOf(nonNull(this.methods)),
				Set.copyOf(nonNull(this.measureCodes)),
				nonNull(this.items).stream()
					.map(l -> new ResultEntry.ItemLine(l.getItemCode(), Boolean.TRUE.equals(l.getChecked()), l.getProblems(),
							l.getHandling()))
					.toList(),
				Boolean.TRUE.equals(this.abnormalList));
	}

	private static <T> List<T> nonNull(List<T> list) {
		return (list == null) ? List.of() : list.stream().filter(Objects::nonNull).toList();
	}

	/** An empty form with the department's items, all ticked. */
	static ResultForm blank(WorkRow row) {
		ResultForm form = new ResultForm();
		form.methods.add(InspectionMethod.ON_SITE);
		row.itemMap().forEach((code, name) -> form.items.add(new Line(code, name, true, null, null)));
		return form;
	}

	static ResultForm of(InspectionResult result) {
		ResultForm form = new ResultForm();
		form.inspectionDate = result.getInspectionDate();
		form.categoryCode = result.getCategoryCode();
		form.methods.addAll(result.getMethods());
		form.measureCodes.addAll(result.getMeasures());
		result.getItems().forEach(i -> form.items.add(new Line(i.getItemCode(), i.getItemName(),
				result.getInspectionDate() == null || i.isChecked(), i.getProblems(), i.getHandling())));
		form.abnormalList = result.isAbnormalList();
		return form;
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

	public List<InspectionMethod> getMethods() {
		return this.methods;
	}

	public void setMethods(List<InspectionMethod> methods) {
		this.methods = methods;
	}

	public List<String> getMeasureCodes() {
		return this.measureCodes;
	}

	public void setMeasureCodes(List<String> measureCodes) {
		this.measureCodes = measureCodes;
	}

	public List<Line> getItems() {
		return this.items;
	}

	public void setItems(List<Line> items) {
		this.items = items;
	}

	public Boolean getAbnormalList() {
		return this.abnormalList;
	}

	public void setAbnormalList(Boolean abnormalList) {
		this.abnormalList = abnormalList;
	}

}
