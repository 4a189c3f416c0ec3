package org.doublerandom.inspection.draw;

/** 回避: a declared conflict; the draw never puts this inspector on this target. */
public record ConflictRow(String inspectorId, String targetId, String reason) {

	public ConflictRow {
		Tokens.require(inspectorId, "inspector id of a conflict");
		Tokens.require(targetId, "target id of a conflict");
		Tokens.require(reason, "conflict reason");
	}

	String line() {
		return this.inspectorId + "," + this.targetId + "," + this.reason;
	}

}
