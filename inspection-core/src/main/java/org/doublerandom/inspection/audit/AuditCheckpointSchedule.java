package org.doublerandom.inspection.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes a signed checkpoint at a fixed interval ({@code inspection.audit.checkpoint-interval}, an ISO-8601
 * duration, default one hour), when the chain has grown. Scheduling is switched on by the web application.
 */
@Component
class AuditCheckpointSchedule {

	private static final System.Logger log = System.getLogger(AuditCheckpointSchedule.class.getName());

	private final AuditAdministration administration;

	AuditCheckpointSchedule(AuditAdministration administration) {
		this.administration = administration;
	}

	@Scheduled(fixedDelayString = "${inspection.audit.checkpoint-interval:PT1H}",
			initialDelayString = "${inspection.audit.checkpoint-initial-delay:PT1M}")
	void checkpoint() {
		this.administration.scheduledCheckpoint()
			.ifPresent(written -> log.log(System.Logger.Level.INFO, "Audit checkpoint written: seq {0} hash {1}",
					written.sequenceNo(), written.hash()));
	}

}
