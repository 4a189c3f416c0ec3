package org.doublerandom.inspection.plan;

import java.util.Optional;

/**
 * Port: the task created from an entry, as the plan pages show it. Read from the task feature's table by the
 * persistence layer, so that plans need not depend on tasks (tasks depend on plans).
 */
public interface EntryTasks {

	Optional<EntryTask> taskOf(Long entryId);

	/** The task's number, state and, once drawn, its number of targets. */
	record EntryTask(Long id, String code, String state, Integer targetCount) {
	}

}
