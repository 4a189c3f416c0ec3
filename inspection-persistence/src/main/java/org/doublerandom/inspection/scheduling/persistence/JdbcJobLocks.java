package org.doublerandom.inspection.scheduling.persistence;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.doublerandom.inspection.scheduling.JobLocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Leases in {@code scheduled_job_lock} (migration V18), in the manner of ShedLock's JDBC provider: one
 * {@code insert … on conflict do update … where locked_until <= now} takes the lease or changes nothing, so of
 * two instances racing for it exactly one gets a row count of 1. Times are the database's clock, the one clock
 * all instances share.
 */
@Repository
class JdbcJobLocks implements JobLocks {

	/** Who holds a lease, for whoever reads the table: host and process, e.g. {@code 12345@app-1}. */
	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcTemplate jdbc;

	JdbcJobLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean runExclusively(String job, Duration lockAtLeastFor, Duration lockAtMostFor, Runnable task) {
		if (lockAtLeastFor.compareTo(lockAtMostFor) > 0) {
			throw new IllegalArgumentException("lockAtLeastFor must not exceed lockAtMostFor");
		}
		if (!acquire(job, lockAtMostFor)) {
			return false;
		}
		try {
			task.run();
		}
		finally {
			release(job, lockAtLeastFor);
		}
		return true;
	}

	private boolean acquire(String job, Duration lockAtMostFor) {
		int taken = this.jdbc.update("""
				insert into scheduled_job_lock as l (name, locked_until, locked_at, locked_by)
				values (?, clock_timestamp() + make_interval(secs => ?), clock_timestamp(), ?)
				on conflict (name) do update
				   set locked_until = excluded.locked_until, locked_at = excluded.locked_at,
				       locked_by = excluded.locked_by
				 where l.locked_until <= excluded.locked_at
				""", job, seconds(lockAtMostFor), INSTANCE);
		return taken == 1;
	}

	/** Keeps the lease until at least locked_at + lockAtLeastFor, so a late twin of this round skips it. */
	private void release(String job, Duration lockAtLeastFor) {
		this.jdbc.update("""
				update scheduled_job_lock
				   set locked_until = greatest(locked_at + make_interval(secs => ?), clock_timestamp())
				 where name = ? and locked_by = ?
				""", seconds(lockAtLeastFor), job, INSTANCE);
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
