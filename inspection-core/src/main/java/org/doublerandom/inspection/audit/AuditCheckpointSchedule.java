package org.doublerandom.inspection.audit;

import java.time.Duration;

import org.doublerandom.inspection.scheduling.JobLocks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes a signed checkpoint at a fixed interval ({@code inspection.audit.checkpoint-interval}, an ISO-8601
 * duration, default one hour), when the chain has grown. Scheduling is switched on by the web application.
 * With several instances on one database only one writes each round: the lease is kept for nine tenths of
 * the interval, so an instance whose timer fires later in the same round skips it.
 */
@Component
class AuditCheckpointSchedule {

	static final String JOB = "audit.checkpoint";

	private static final System.Logger log = System.getLogger(AuditCheckpointSchedule.class.getName());

	private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

	private final AuditAdministration administration;

	private final JobLocks locks;

	private final Duration lockAtLeastFor;

	AuditCheckpointSchedule(AuditAdministration administration, JobLocks locks,
			@Value("${inspection.audit.checkpoint-interval:PT1H}") Duration interval) {
		this.administration = administration;
		this.locks = locks;
		this.lockAtLeastFor = interval.multipliedBy(9).dividedBy(10);
	}

	@Scheduled(fixedDelayString = "${inspection.audit.checkpoint-interval:PT1H}",
			initialDelayString = "${inspection.audit.checkpoint-initial-delay:PT1M}")
	void checkpoint() {
		Duration lockAtMostFor = (this.lockAtLeastFor.compareTo(LONGEST_RUN) > 0) ? this.lockAtLeastFor : LONGEST_RUN;
		boolean ran = this.locks.runExclusively(JOB, this.lockAtLeastFor, lockAtMostFor,
				() -> this.administration.scheduledCheckpoint()
					.ifPresentOrElse(written -> log.log(System.Logger.Level.INFO, "Audit checkpoint written: seq {0} hash {1}",
							written.sequenceNo(), written.hash()),
							() -> log.log(System.Logger.Level.INFO, "Audit checkpoint round: chain unchanged")));
		if (!ran) {
			log.log(System.Logger.Level.DEBUG, "Audit checkpoint skipped: another instance holds this round");
		}
	}

}
