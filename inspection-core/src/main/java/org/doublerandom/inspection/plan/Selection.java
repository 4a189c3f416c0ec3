package org.doublerandom.inspection.plan;

/** 抽查类型: 定向 (a defined group of targets) or 不定向 (the whole registry within the scope). */
public enum Selection {

	/** 定向抽查 */
	DIRECTED,
	/** 不定向抽查 */
	UNDIRECTED

}
