package org.doublerandom.inspection.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.doublerandom.inspection.draw.DrawCeremonyService;
import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.FollowUpKind;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.ResultEntry;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.StepAction;
import org.doublerandom.inspection.result.WorkRow;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskState;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo results on the drawn demo task (DemoDraws): the bureau confirms its teams and dispatches it, then the
 * market-regulation bureau's results show every review state (published with a photo, published with an open
 * follow-up and a transfer to the health commission, pending review, returned, not passed, and a draft left past
 * its deadline), and the health commission has one pending and one published. The other targets stay 未录入 for
 * people to try. Idempotent: a task with results is left alone.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(60)
class DemoResults implements ApplicationRunner {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final DrawCeremonyService ceremony;

	private final ResultService results;

	private final OrganizationService organization;

	private final UserDetailsService users;

	private final Clock clock;

	DemoResults(DrawCeremonyService ceremony, ResultService results, OrganizationService organization,
			UserDetailsService users, Clock clock) {
		this.ceremony = ceremony;
		this.results = results;
		this.organization = organization;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> taskId;
		try {
			as("bureau");
			taskId = dispatchDemoTask();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		if (taskId.isEmpty()) {
			return;
		}
		List<WorkRow> rows = this.results.provisionDemoRows(taskId.get());
		if (rows.stream().anyMatch(r -> r.resultId() != null)) {
			return;
		}
		long scjg = department("SCJG");
		long wsjk = department("WSJK");
		List<WorkRow> market = rows.stream().filter(r -> r.departmentId() == scjg).toList();
		List<WorkRow> health = rows.stream().filter(r -> r.departmentId() == wsjk).toList();
		LocalDate today = LocalDate.now(this.clock);
		if (market.size() >= 6) {
			InspectionResult photo = result(market.get(0), today.minusDays(30), "NO_PROBLEM", null, "scjg-officer1");
			this.results.provisionDemoAttachment(photo.getId(), "现场检查照片.png", photo(), "scjg-officer1");
			review(photo, today.minusDays(29), "scjg-officer1", StepAction.PUBLISH, "scjg-manager", null);
			InspectionResult followed = result(market.get(1), today.minusDays(25), "PENDING_FOLLOW_UP",
					"后厨防蝇设施缺失，部分从业人员健康证明过期。", "scjg-officer1");
			review(followed, today.minusDays(24), "scjg-officer1", StepAction.PUBLISH, "scjg-manager", "同意公示，跟踪整改。");
			this.results.provisionDemoFollowUp(followed.getId(), FollowUpKind.MEASURE, "责令限期十五日内整改，到期复查。", null,
					"scjg-officer1");
			this.results.provisionDemoFollowUp(followed.getId(), FollowUpKind.TRANSFER, "从业人员健康证明过期，抄告卫生健康委员会依法处理。",
					wsjk, "scjg-officer1");
			InspectionResult pending = result(market.get(2), today.minusDays(3), "NO_PROBLEM", null, "scjg-officer2");
			step(pending, StepAction.SUBMIT, "scjg-officer2", null, today.minusDays(2));
			InspectionResult returned = result(market.get(3), today.minusDays(5), "CORRECTED_ON_ORDER",
					"价格标签不全。", "scjg-officer1");
			step(returned, StepAction.SUBMIT, "scjg-officer1", null, today.minusDays(4));
			step(returned, StepAction.RETURN, "scjg-manager", "处理情况写得不具体，请补充责令改正的期限。", today.minusDays(3));
			InspectionResult rejected = result(market.get(4), today.minusDays(6), "NO_PROBLEM", null, "scjg-officer2");
			step(rejected, StepAction.SUBMIT, "scjg-officer2", null, today.minusDays(5));
			step(rejected, StepAction.REJECT, "scjg-manager", "仅书面检查，未按要求实地检查，请重新检查。", today.minusDays(4));
			// a draft left long past its deadline: the overdue list escalates it to the bureau
			result(market.get(5), LocalDate.of(today.getYear() - 1, 10, 20), "NO_PROBLEM", null, "scjg-officer2");
		}
		if (health.size() >= 2) {
			InspectionResult pending = result(health.get(0), today.minusDays(4), "NO_PROBLEM", null, "wsjk-officer");
			step(pending, StepAction.SUBMIT, "wsjk-officer", null, today.minusDays(3));
			InspectionResult published = result(health.get(1), today.minusDays(20), "NO_PROBLEM", null, "wsjk-officer");
			review(published, today.minusDays(19), "wsjk-officer", StepAction.PUBLISH, "wsjk-manager", null);
		}
	}

	/** The drawn demo task, confirmed and dispatched (as the bureau, the way a person would). */
	private Optional<Long> dispatchDemoTask() {
		for (DrawStore.Stored draw : this.ceremony.publicDraws()) {
			if (!draw.demo() || draw.isVoided()) {
				continue;
			}
			Optional<Task> task = this.ceremony.taskOf(draw);
			if (task.isEmpty()) {
				continue;
			}
			DrawCeremonyService.Ceremony c = this.ceremony.ceremony(task.get().getId());
			Optional<DrawStore.StoredResult> result = c.result();
			if (result.isEmpty() || !"ASSIGNED".equals(result.get().status())) {
				continue;
			}
			long id = task.get().getId();
			if (c.task().getState() == TaskState.DRAWN) {
				this.ceremony.confirmTeams(id, result.get().digest());
			}
			if (this.ceremony.ceremony(id).task().getState() == TaskState.ASSIGNED) {
				this.ceremony.dispatch(id);
			}
			return Optional.of(id);
		}
		return Optional.empty();
	}

	private InspectionResult result(WorkRow row, LocalDate on, String category, String problem, String inspector) {
		SecurityContextHolder.clearContext();
		List<ResultEntry.ItemLine> lines = new ArrayList<>();
		boolean first = true;
		for (String code : row.itemMap().keySet()) {
			lines.add(new ResultEntry.ItemLine(code, true, first ? problem : null,
					(first && problem != null) ? "当场责令改正，已拍照留存。" : null));
			first = false;
		}
		Set<String> measures = (problem == null) ? Set.of("NONE_NEEDED") : Set.of("ORDER_CORRECTION");
		ResultEntry entry = new ResultEntry(on, category, Set.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENTARY),
				measures, lines, false);
		return this.results.provisionDemo(row.taskId(), row.targetId(), row.departmentId(), entry, inspector, at(on, 16));
	}

	private void review(InspectionResult result, LocalDate submitted, String inspector, StepAction decision, String reviewer,
			String opinion) {
		step(result, StepAction.SUBMIT, inspector, null, submitted);
		step(result, decision, reviewer, opinion, submitted.plusDays(1));
	}

	private void step(InspectionResult result, StepAction action, String by, String text, LocalDate on) {
		this.results.provisionDemoStep(result.getId(), action, by, text, at(on, 10));
	}

	private Instant at(LocalDate day, int hour) {
		Instant at = day.atTime(hour, 0).atZone(BEIJING).toInstant();
		Instant now = this.clock.instant().minusSeconds(60);
		return at.isAfter(now) ? now : at;
	}

	private void as(String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	private long department(String code) {
		return this.organization.departmentByCode(code)
			.map(Department::getId)
			.orElseThrow(() -> new NotFoundException("department", code));
	}

	/** A small photo-like PNG (a real image, so the upload checks accept it). */
	static byte[] photo() {
		BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xDDE7F0));
		g.fillRect(0, 0, 160, 100);
		g.setColor(new Color(0x2F5D8A));
		g.fillRect(20, 30, 120, 50);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
