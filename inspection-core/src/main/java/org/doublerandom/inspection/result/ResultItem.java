package org.doublerandom.inspection.result;

import jakarta.persistence.Embeddable;

/** One item line of a result: the task's item, whether it was checked, what was found and how it was handled. */
@Embeddable
public class ResultItem {

	private int position;

	private String itemCode;

	private String itemName;

	private boolean checked;

	private String problems;

	private String handling;

	protected ResultItem() {
	}

	ResultItem(int position, String itemCode, String itemName) {
		this.position = position;
		this.itemCode = itemCode;
		this.itemName = itemName;
	}

	ResultItem with(ResultEntry.ItemLine line) {
		ResultItem item = new ResultItem(this.position, this.itemCode, this.itemName);
		item.checked = line.checked();
		item.problems = line.problems();
		item.handling = line.handling();
		return item;
	}

	public int getPosition() {
		return this.position;
	}

	public String getItemCode() {
		return this.itemCode;
	}

	public String getItemName() {
		return this.itemName;
	}

	public boolean isChecked() {
		return this.checked;
	}

	public String getProblems() {
		return this.problems;
	}

	public String getHandling() {
		return this.handling;
	}

}
