package org.doublerandom.inspection.target;

/** 登记状态 of a market entity. Only ACTIVE entities are normally drawn. */
public enum TargetStatus {

	/** 存续 */
	ACTIVE,
	/** 注销 */
	DEREGISTERED,
	/** 吊销 */
	REVOKED,
	/** 撤销 */
	CANCELLED,
	/** 迁出 */
	MOVED_OUT,
	/** 歇业 */
	SUSPENDED

}
