package org.doublerandom.inspection.result.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.calendar.CalendarService;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.result.Attachment;
import org.doublerandom.inspection.result.FollowUp;
import org.doublerandom.inspection.result.FollowUpKind;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.ResultEntry;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.ResultState;
import org.doublerandom.inspection.result.Urgency;
import org.doublerandom.inspection.result.WorkRow;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Results on the demo joint task (DemoResults) and the real schema: 谁检查、谁录入、谁公示 enforced on every load
 * (another department's officer gets 403, never 500), the review workflow with every step audited, the registry
 * and the public notice after publication, attachments checked by content, late entries, the worklist scopes,
 * transfers seen by the receiver, and the calendar maintained by the administrator.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class ResultWorkflowTests {

	@Autowired
	ResultService results;

	@Autowired
	CalendarService calendar;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void nobody() {
		SecurityContextHolder.clearContext();
	}

	void as(String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	/** A line of the department that nobody has started (each test takes its own). */
	synchronized WorkRow freeLine(String username) {
		as(username);
		return this.results.worklist(ResultService.Scope.DEPARTMENT)
			.stream()
			.map(ResultService.WorkItem::row)
			.filter(r -> r.resultId() == null)
			.findFirst()
			.orElseThrow();
	}

	ResultEntry entry(WorkRow row, LocalDate on, String problem) {
		String first = row.itemMap().keySet().iterator().next();
		return new ResultEntry(on, (problem == null) ? "NO_PROBLEM" : "CORRECTED_ON_ORDER", Set.of(InspectionMethod.ON_SITE),
				Set.of(), List.of(new ResultEntry.ItemLine(first, true, problem, (problem == null) ? null : "当场责令改正")), false);
	}

	long wsjkDraft() {
		return this.jdbc.queryForObject("""
				select r.id from inspection_result r join department d on d.id = r.department_id
				where d.code = 'WSJK' and r.state = 'PENDING_REVIEW' order by r.id limit 1""", Long.class);
	}

	@Test
	void anOfficerOfAnotherDepartmentCannotReadChangeOrPublishADraftResult() throws Exception {
		long id = wsjkDraft();
		var officer = user(this.users.loadUserByUsername("scjg-officer1"));
		var manager = user(this.users.loadUserByUsername("scjg-manager"));
		assertThat(this.mvc.perform(get("/results/" + id).with(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/results/" + id + "/edit").with(officer)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(post("/results/" + id + "/edit").with(officer).with(csrf())
			.param("inspectionDate", LocalDate.now().toString()).param("categoryCode", "NO_PROBLEM"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/results/" + id + "/submit").with(officer).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/results/" + id + "/publish").with(manager).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/results/" + id + "/return").with(manager).with(csrf()).param("opinion", "x"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		// the services refuse too, whatever the URL
		as("scjg-officer1");
		assertThatThrownBy(() -> this.results.result(id)).isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> this.results.attach(id, "a.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(NotPermittedException.class);
		as("scjg-manager");
		assertThatThrownBy(() -> this.results.publish(id, null)).isInstanceOf(NotPermittedException.class);
		assertThat(this.jdbc.queryForObject("select state from inspection_result where id = ?", String.class, id))
			.isEqualTo("PENDING_REVIEW");
		// and its own department's reviewer may
		var wsjkRow = this.jdbc.queryForMap("select task_id, target_id, department_id from inspection_result where id = ?", id);
		assertThat(this.mvc.perform(get("/results/new").with(officer).param("task", wsjkRow.get("task_id").toString())
			.param("target", wsjkRow.get("target_id").toString()).param("department", wsjkRow.get("department_id").toString()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/results/" + id).with(user(this.users.loadUserByUsername("wsjk-manager"))))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aResultIsReturnedCorrectedPublishedAndThenUpdatesTheRegistryAndThePublicNotice() throws Exception {
		WorkRow row = freeLine("scjg-officer1");
		LocalDate on = this.results.today().minusDays(1);
		InspectionResult saved = this.results.record(row.taskId(), row.targetId(), row.departmentId(), entry(row, on, null));
		long id = saved.getId();
		assertThat(saved.getState()).isEqualTo(ResultState.NOT_ENTERED);
		assertThat(saved.getDeadline()).isEqualTo(this.results.deadlinePolicy().from(on, this.workingDays));
		assertThat(saved.getTeam()).isEqualTo(row.team()).isNotBlank();
		this.results.submit(id, null);
		as("scjg-manager");
		assertThatThrownBy(() -> this.results.sendBack(id, " ")).isInstanceOf(DomainException.class)
			.hasMessage("result.opinion.required");
		this.results.sendBack(id, "请补充检查发现的问题");
		as("scjg-officer1");
		assertThatThrownBy(() -> this.results.submit(id, null)).hasMessage("result.refused.uncorrected");
		this.results.correct(id, entry(row, on, "未公示营业执照"));
		this.results.submit(id, null);
		// the one who submitted cannot approve it, even as a manager; the department's manager does
		as("scjg-manager");
		this.results.publish(id, "同意公示");
		InspectionResult published = this.results.result(id);
		assertThat(published.getState()).isEqualTo(ResultState.PUBLISHED);
		assertThat(published.getReviewedBy()).isEqualTo("scjg-manager");
		assertThat(this.jdbc.queryForList("select action from audit_event where object_type = 'inspectionResult' and object_id = ? "
				+ "order by id", String.class, String.valueOf(id)))
			.containsExactly("result.create", "result.submit", "result.return", "result.record", "result.submit",
					"result.publish");
		// 更新最近检查日期: the next pre-check sees the inspection
		String item = row.itemMap().keySet().iterator().next();
		assertThat(this.jdbc.queryForObject("select last_inspected_on from target_item_inspection where target_id = ? "
				+ "and department_id = ? and item_code = ?", LocalDate.class, row.targetId(), row.departmentId(), item))
			.isEqualTo(on);
		assertThat(this.results.publishedForTarget(row.targetId())).extracting(r -> r.resultId()).contains(id);
		// the public notice: the entity and its result, nothing personal (team, reviewer, opinion)
		String notice = this.mvc.perform(get("/public/results/tasks/" + row.taskId())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(notice).contains(row.targetName()).contains("发现问题已责令改正").doesNotContain("scjg-manager");
		String detail = this.mvc.perform(get("/public/results/" + id)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains(row.targetName()).contains("发现问题").doesNotContain("同意公示")
			.doesNotContain("未公示营业执照").doesNotContain(row.team().split("（")[0]);
		assertThat(this.mvc.perform(get("/public/results/" + wsjkDraft())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void anAttachmentIsCheckedByItsContentAndKeptWithItsChecksum() throws Exception {
		WorkRow row = freeLine("scjg-officer1");
		long id = this.results.record(row.taskId(), row.targetId(), row.departmentId(),
				entry(row, this.results.today(), null)).getId();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
		assertThatThrownBy(() -> this.results.attach(id, "photo.png", "<script>".getBytes(StandardCharsets.US_ASCII)))
			.hasMessage("result.attachment.type");
		Attachment stored = this.results.attach(id, "现场.png", png);
		assertThat(stored.sha256()).isEqualTo(java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png)));
		assertThat(this.results.download(stored.id()).content()).isEqualTo(png);
		var response = this.mvc.perform(get("/results/attachments/" + stored.id())
			.with(user(this.users.loadUserByUsername("scjg-manager")))).andReturn().getResponse();
		assertThat(response.getHeader("X-Content-SHA256")).isEqualTo(stored.sha256());
		assertThat(response.getContentAsByteArray()).isEqualTo(png);
		assertThat(this.mvc.perform(get("/results/attachments/" + stored.id())
			.with(user(this.users.loadUserByUsername("wsjk-officer")))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aSubmissionAfterTheDeadlineNeedsTheReasonForTheLateEntry() {
		WorkRow row = freeLine("scjg-officer1");
		long id = this.results.record(row.taskId(), row.targetId(), row.departmentId(), entry(row, row.scheduleFrom(), null))
			.getId();
		assertThatThrownBy(() -> this.results.submit(id, "")).hasMessage("result.late.reasonRequired");
		this.results.submit(id, "检查记录纸质归档后补录");
		assertThat(this.results.result(id).getLateReason()).isEqualTo("检查记录纸质归档后补录");
	}

	@Test
	void theBureauSeesEveryDepartmentWithTheOverdueAnOfficerOnlyTheirDepartment() {
		as("bureau");
		List<ResultService.WorkItem> all = this.results.worklist(ResultService.Scope.ALL);
		assertThat(all).extracting(i -> i.row().departmentId()).contains(department("SCJG"), department("WSJK"));
		assertThat(this.results.overdue()).isNotEmpty().allSatisfy(i -> assertThat(i.urgency()).isEqualTo(Urgency.OVERDUE))
			.anySatisfy(i -> assertThat(i.row().stateOrNew()).isEqualTo(ResultState.NOT_ENTERED));
		assertThat(all).anySatisfy(i -> assertThat(i.urgency()).isEqualTo(Urgency.DONE));
		as("scjg-officer1");
		assertThatThrownBy(() -> this.results.worklist(ResultService.Scope.ALL)).isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> this.results.overdue()).isInstanceOf(NotPermittedException.class);
		assertThat(this.results.worklist(ResultService.Scope.DEPARTMENT)).isNotEmpty()
			.allSatisfy(i -> assertThat(i.row().departmentId()).isEqualTo(department("SCJG")));
		// no demo officer is linked to the inspector registry: their own list is empty, the department's is the default
		assertThat(this.results.worklist(ResultService.Scope.MINE)).isEmpty();
		assertThat(this.results.defaultScope()).isEqualTo(ResultService.Scope.DEPARTMENT);
	}

	@Test
	void aTransferIsSeenByTheReceivingDepartment() throws Exception {
		as("wsjk-officer");
		assertThat(this.results.received()).extracting(FollowUp::getKind).contains(FollowUpKind.TRANSFER);
		String page = this.mvc.perform(get("/results/received").with(user(this.users.loadUserByUsername("wsjk-officer"))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("抄告卫生健康委员会");
		as("sthj-officer");
		assertThat(this.results.received()).isEmpty();
	}

	@Test
	void theEntryFormShowsChineseFieldErrorsNotAServerError() throws Exception {
		WorkRow row = freeLine("scjg-officer1");
		var officer = user(this.users.loadUserByUsername("scjg-officer1"));
		String page = this.mvc.perform(post("/results/new").with(officer).with(csrf())
			.param("task", String.valueOf(row.taskId())).param("target", String.valueOf(row.targetId()))
			.param("department", String.valueOf(row.departmentId())).param("inspectionDate", "2025-13-45")
			.param("categoryCode", "NO_PROBLEM").param("methods", "ON_SITE"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("格式不正确");
		var missing = this.mvc.perform(post("/results/new").with(officer).with(csrf())
			.param("task", String.valueOf(row.taskId())).param("target", String.valueOf(row.targetId()))
			.param("department", String.valueOf(row.departmentId())).param("categoryCode", "NO_PROBLEM"))
			.andReturn().getResponse();
		assertThat(missing.getStatus()).isEqualTo(200);
		assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("请填写检查日期");
		assertThat(this.jdbc.queryForObject("select count(*) from inspection_result where task_id = ? and target_id = ? "
				+ "and department_id = ?", Long.class, row.taskId(), row.targetId(), row.departmentId())).isZero();
	}

	@Test
	void theAdministratorMaintainsTheCalendarAndDeadlinesFollowIt() {
		as("scjg-officer1");
		assertThatThrownBy(() -> this.calendar.addYear(2099, "x")).isInstanceOf(NotPermittedException.class);
		as("sysadmin");
		assertThatThrownBy(() -> this.calendar.addDay(LocalDate.of(2099, 10, 6), "国庆节放假"))
			.hasMessage("calendar.day.yearMissing");
		this.calendar.addYear(2099, "国务院办公厅关于2099年部分节假日安排的通知（测试）");
		LocalDate tuesday = LocalDate.of(2099, 10, 6);
		LocalDate saturday = LocalDate.of(2099, 10, 10);
		assertThat(this.workingDays.isWorkingDay(tuesday)).isTrue();
		this.calendar.addDay(tuesday, "国庆节放假");
		this.calendar.addDay(saturday, "国庆节调休上班");
		assertThat(this.workingDays.isWorkingDay(tuesday)).isFalse();
		assertThat(this.workingDays.isWorkingDay(saturday)).isTrue();
		assertThatThrownBy(() -> this.calendar.addDay(tuesday, "again")).hasMessage("calendar.day.exists");
		assertThat(this.jdbc.queryForList("select action from audit_event where object_type in ('calendarDay', 'calendarYear') "
				+ "and object_id like '2099%' order by id", String.class))
			.containsExactly("calendar.year.add", "calendar.day.add", "calendar.day.add");
		this.calendar.removeDay(tuesday);
		assertThat(this.workingDays.isWorkingDay(tuesday)).isTrue();
		this.calendar.removeYear(2099);
		assertThat(this.workingDays.covers(2099)).isFalse();
		assertThat(this.workingDays.isWorkingDay(saturday)).isFalse();
	}

}
