package org.doublerandom.inspection.item;

/** A list version's life: one draft is edited, publishing it supersedes the version before. */
public enum ItemListStatus {

	/** 草稿: being revised, visible to its department only */
	DRAFT,
	/** 已公布: the version in force */
	PUBLISHED,
	/** 已废止: replaced by a later version, kept for the record */
	SUPERSEDED

}
