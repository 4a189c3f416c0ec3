package org.doublerandom.inspection.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import java.time.Clock;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.NonRandomEntry;
import org.doublerandom.inspection.result.NonRandomService;
import org.doublerandom.inspection.result.NonRandomType;
import org.doublerandom.inspection.result.PublishedResults;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.shared.NotFoundException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A published 专项检查 of the market-regulation bureau on the target of its first published drawn result, so the
 * demo entity page shows both tables: the drawn result and the inspection that was not drawn. Once only.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(61)
class DemoNonRandom implements ApplicationRunner {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final NonRandomService nonRandom;

	private final ResultService results;

	private final OrganizationService organization;

	private final Clock clock;

	DemoNonRandom(NonRandomService nonRandom, ResultService results, OrganizationService organization, Clock clock) {
		this.nonRandom = nonRandom;
		this.results = results;
		this.organization = organization;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		SecurityContextHolder.clearContext();
		long scjg = this.organization.departmentByCode("SCJG")
			.map(Department::getId)
			.orElseThrow(() -> new NotFoundException("department", "SCJG"));
		Long targetId = null;
		for (PublishedResults.Notice notice : this.results.notices()) {
			if (notice.departmentId() == scjg) {
				var rows = this.results.noticeRows(notice.taskId(), notice.departmentId());
				if (!rows.isEmpty()) {
					targetId = this.results.publishedResult(rows.get(0).resultId()).getTargetId();
					break;
				}
			}
		}
		if (targetId == null) {
			return;
		}
		LocalDate on = LocalDate.now(this.clock).minusDays(10);
		Instant at = on.plusDays(1).atTime(10, 0).atZone(BEIJING).toInstant();
		Instant now = this.clock.instant().minusSeconds(60);
		this.nonRandom.provisionDemo(targetId, scjg,
				new NonRandomEntry(NonRandomType.SPECIAL_CAMPAIGN, on, "NO_PROBLEM", Set.of(), "节前食品安全专项检查，未发现问题。",
						"鄂市监发〔2026〕演示号 节前食品安全专项检查方案"),
				"scjg-officer1", "scjg-manager", at.isAfter(now) ? now : at);
	}

}
