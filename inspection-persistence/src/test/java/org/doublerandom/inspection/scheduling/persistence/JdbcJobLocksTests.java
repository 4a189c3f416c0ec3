package org.doublerandom.inspection.scheduling.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' timers firing at once: the job runs on one of them, and a crashed holder does not block it. */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(JdbcJobLocks.class)
class JdbcJobLocksTests {

	static final AtomicInteger JOBS = new AtomicInteger();

	@Autowired
	JdbcJobLocks locks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void ofTwoConcurrentInvocationsOnlyOneRuns() throws Exception {
		String job = "test.concurrent-" + JOBS.incrementAndGet();
		AtomicInteger runs = new AtomicInteger();
		CyclicBarrier start = new CyclicBarrier(2);
		CountDownLatch loserReturned = new CountDownLatch(1);
		Callable<Boolean> invocation = () -> {
			start.await(10, TimeUnit.SECONDS);
			boolean ran = this.locks.runExclusively(job, Duration.ofMinutes(1), Duration.ofMinutes(5), () -> {
				runs.incrementAndGet();
				try {
					// still running while the other invocation tries: the lease, not luck, keeps it out
					loserReturned.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			if (!ran) {
				loserReturned.countDown();
			}
			return ran;
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> results = pool.invokeAll(List.of(invocation, invocation), 30, TimeUnit.SECONDS);
			assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(runs).hasValue(1);
		assertThat(loserReturned.getCount()).isZero();
	}

	@Test
	void aFinishedRunKeepsTheLeaseForAtLeastItsMinimumSoALateTwinSkipsTheRound() {
		String job = "test.round-" + JOBS.incrementAndGet();
		AtomicInteger runs = new AtomicInteger();
		assertThat(this.locks.runExclusively(job, Duration.ofMinutes(30), Duration.ofMinutes(30), runs::incrementAndGet))
			.isTrue();
		assertThat(this.locks.runExclusively(job, Duration.ofMinutes(30), Duration.ofMinutes(30), runs::incrementAndGet))
			.isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void aLeaseWithNoMinimumIsFreeAgainWhenTheRunEnds() {
		String job = "test.free-" + JOBS.incrementAndGet();
		AtomicInteger runs = new AtomicInteger();
		this.locks.runExclusively(job, Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet);
		this.locks.runExclusively(job, Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet);
		assertThat(runs).hasValue(2);
	}

	@Test
	void aLeaseLeftByACrashedInstanceIsTakenOverOnceItExpires() {
		String job = "test.crashed-" + JOBS.incrementAndGet();
		this.jdbc.update("insert into scheduled_job_lock (name, locked_until, locked_at, locked_by) "
				+ "values (?, now() + interval '5 minutes', now(), 'crashed@elsewhere')", job);
		AtomicInteger runs = new AtomicInteger();
		assertThat(this.locks.runExclusively(job, Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet))
			.isFalse();
		this.jdbc.update("update scheduled_job_lock set locked_until = now() - interval '1 second' where name = ?", job);
		assertThat(this.locks.runExclusively(job, Duration.ZERO, Duration.ofMinutes(5), runs::incrementAndGet))
			.isTrue();
		assertThat(runs).hasValue(1);
		assertThat(this.jdbc.queryForObject("select locked_by from scheduled_job_lock where name = ?", String.class, job))
			.isEqualTo(JdbcJobLocks.INSTANCE);
	}

}
