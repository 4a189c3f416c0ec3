package org.doublerandom.inspection.draw;

/** The inspector who last inspected the target: not sent to the same target again (rotation). */
public record HistoryRow(String targetId, String inspectorId) {

	public HistoryRow {
		Tokens.require(targetId, "target id of a history row");
		Tokens.require(inspectorId, "inspector id of a history row");
	}

	String line() {
		return this.targetId + "," + this.inspectorId;
	}

}
