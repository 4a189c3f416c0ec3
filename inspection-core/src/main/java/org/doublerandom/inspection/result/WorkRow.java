package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One line of the worklist (工作台): a drawn target of a dispatched task for one participating department, with
 * the team as drawn and the department's items, and its result if one was started.
 */
public record WorkRow(long taskId, String taskCode, String taskName, LocalDate scheduleFrom, LocalDate scheduleTo,
		long drawId, long departmentId, String departmentName, long targetId, String targetName, String targetCode,
		String items, String team, Long resultId, ResultState state, LocalDate inspectionDate, LocalDate deadline) {

	public ResultState stateOrNew() {
		return (this.state != null) ? this.state : ResultState.NOT_ENTERED;
	}

	/** The department's items, {@code code → name}, from the sub-task's lines ("CODE name"). */
	public Map<String, String> itemMap() {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (String line : this.items.lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int space = trimmed.indexOf(' ');
			map.put((space < 0) ? trimmed : trimmed.substring(0, space), (space < 0) ? trimmed : trimmed.substring(space + 1).strip());
		}
		return map;
	}

	public List<String> itemNames() {
		return List.copyOf(itemMap().values());
	}

}
