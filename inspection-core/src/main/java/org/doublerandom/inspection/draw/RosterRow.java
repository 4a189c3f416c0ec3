package org.doublerandom.inspection.draw;

import java.util.List;
import java.util.TreeSet;

import org.doublerandom.inspection.inspector.InspectorKind;

/**
 * One inspector of the frozen roster: department, officer or expert, the work already drawn for them this
 * period (prior load, so that rotation balances across draws), and the item codes they are qualified for.
 */
public record RosterRow(String inspectorId, String department, InspectorKind kind, long priorLoad, List<String> items) {

	public RosterRow {
		Tokens.require(inspectorId, "inspector id");
		Tokens.require(department, "department of " + inspectorId);
		if (kind == null) {
			throw new DrawInputException("kind of " + inspectorId + " is missing");
		}
		if (priorLoad < 0 || priorLoad > 1_000_000) {
			throw new DrawInputException("prior load of " + inspectorId + " must be 0-1000000");
		}
		items.forEach(i -> Tokens.require(i, "item code of " + inspectorId));
		items = List.copyOf(new TreeSet<>(items));
	}

	public boolean qualifiedFor(List<String> required) {
		return this.items.containsAll(required);
	}

	String line() {
		return this.inspectorId + "," + this.department + "," + this.kind.name() + "," + this.priorLoad + ","
				+ String.join("|", this.items);
	}

}
