package org.doublerandom.inspection.vocabulary;

/** The editable controlled vocabularies. */
public enum DictionaryKind {

	/** 检查结果 */
	RESULT_CATEGORY,
	/** 后续处置措施 */
	FOLLOW_UP_MEASURE

}
