package org.doublerandom.inspection.document;

/** The three documents of a task; the slug names it in addresses and file names. */
public enum DocumentKind {

	/** 随机抽查告知书, one page per target */
	NOTICE("notice"),
	/** 检查表: the items and their checkpoints, grouped by department */
	CHECK_SHEET("check-sheet"),
	/** 检查记录, one per target, with blanks for the findings */
	RECORD("record");

	private final String slug;

	DocumentKind(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return this.slug;
	}

}
