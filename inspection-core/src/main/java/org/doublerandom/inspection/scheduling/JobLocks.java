package org.doublerandom.inspection.scheduling;

import java.time.Duration;

/**
 * A lease per job name, held in the shared database, so that a scheduled job runs once across all instances.
 * The holder keeps the lease at least {@code lockAtLeastFor} (the same round started a little later on another
 * instance then finds it taken) and at most {@code lockAtMostFor} (a holder that crashed blocks the job no
 * longer than that).
 */
public interface JobLocks {

	/** Runs the task here if no instance holds the job's lease, and says whether it ran. */
	boolean runExclusively(String job, Duration lockAtLeastFor, Duration lockAtMostFor, Runnable task);

}
