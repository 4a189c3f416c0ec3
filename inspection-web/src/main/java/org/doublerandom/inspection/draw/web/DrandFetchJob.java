package org.doublerandom.inspection.draw.web;

import org.doublerandom.inspection.draw.DrandRelay;
import org.doublerandom.inspection.draw.DrawCeremonyService;
import org.doublerandom.inspection.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 自动获取 drand: every interval, each committed draw whose round is due and not yet entered is fetched from the
 * relays. A relay that fails means the draw waits for the next attempt (never another source). On with
 * {@code inspection.draw.drand-fetch=true}; off by default, so that tests and intranet installations (where the
 * value is typed in from another machine) never call out.
 */
@Component
@ConditionalOnProperty(name = "inspection.draw.drand-fetch", havingValue = "true")
class DrandFetchJob {

	private static final Logger log = LoggerFactory.getLogger(DrandFetchJob.class);

	private final DrawCeremonyService ceremony;

	private final DrandRelay relay;

	DrandFetchJob(DrawCeremonyService ceremony, DrandRelay relay) {
		this.ceremony = ceremony;
		this.relay = relay;
	}

	@Scheduled(initialDelayString = "${inspection.draw.drand-fetch-interval:PT15S}",
			fixedDelayString = "${inspection.draw.drand-fetch-interval:PT15S}")
	void fetchDue() {
		for (Long taskId : this.ceremony.awaitingDrand()) {
			try {
				if (!this.ceremony.fetchDrand(taskId, this.relay)) {
					log.info("task {}: its drand round is due but no relay has a valid value yet; waiting", taskId);
				}
			}
			catch (DomainException ex) {
				log.warn("task {}: the fetched drand value was refused ({}); waiting", taskId, ex.messageKey());
			}
		}
	}

}
