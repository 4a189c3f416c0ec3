package org.doublerandom.inspection.document;

import java.time.LocalDate;
import java.util.List;

/**
 * What the documents of one task show: the task, each participating department with its items (and their
 * checkpoints from the published item list), and every target on the current list with its team.
 * {@code dispatched} is false while the teams are drawn but the task is not yet handed out (派发): the
 * documents then say they are a preview.
 */
public record TaskDocuments(long taskId, String taskCode, String taskName, String basis, String methods,
		String requirements, LocalDate scheduleFrom, LocalDate scheduleTo, boolean joint, String issuer,
		List<DepartmentPart> departments, List<Visit> visits, boolean dispatched, LocalDate issuedOn) {

	public TaskDocuments {
		departments = List.copyOf(departments);
		visits = List.copyOf(visits);
	}

	/** All items of all departments, in department order. */
	public List<ItemSheet> items() {
		return this.departments.stream().flatMap(d -> d.items().stream()).toList();
	}

	/** A participating department (lead first) with the items it checks. */
	public record DepartmentPart(String code, String name, boolean lead, List<ItemSheet> items) {

		public DepartmentPart {
			items = List.copyOf(items);
		}

	}

	/**
	 * An item as the entry names it; basis, methods and checkpoints come from the department's published list
	 * ({@code listed} false when the list no longer holds the code).
	 */
	public record ItemSheet(String department, String code, String name, String legalBasis, List<String> methods,
			List<String> checkpoints, boolean listed) {

		public ItemSheet {
			methods = List.copyOf(methods);
			checkpoints = List.copyOf(checkpoints);
		}

	}

	/** A target of the current list (after replacements) with its registry data and its team. */
	public record Visit(int number, String targetId, String name, String code, String address, List<Member> team) {

		public Visit {
			team = List.copyOf(team);
		}

	}

	/** A team member: the inspector's name, department and whether an expert (专家) rather than an officer. */
	public record Member(String inspectorId, String name, String department, boolean expert) {
	}

}
