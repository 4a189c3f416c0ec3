package org.doublerandom.inspection.oversight.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.doublerandom.inspection.oversight.Assessment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 考核 on the demo data: last year's fourth quarter of the health commission (a partner in both demo joint
 * entries), on screen and as XLSX; bad periods refused at their field; a manager assessed as their own
 * department.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class AssessmentTests {

	static final int LAST_YEAR = LocalDate.now().getYear() - 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	Long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	Assessment assessment(String username, String... params) throws Exception {
		var request = get("/oversight/assessment").with(as(username));
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return (Assessment) this.mvc.perform(request).andExpect(status().isOk()).andReturn().getModelAndView().getModel()
			.get("assessment");
	}

	@Test
	void theBureauAssessesADepartmentsQuarterOnScreenAndAsXlsx() throws Exception {
		Long wsjk = department("WSJK");
		String from = LAST_YEAR + "-10-01";
		String to = LAST_YEAR + "-12-31";
		Assessment a = assessment("bureau", "department", wsjk.toString(), "from", from, "to", to);
		long entries = this.jdbc.queryForObject("select count(*) from plan_entry e join plan p on p.id = e.plan_id "
				+ "where p.state in ('PUBLISHED', 'CLOSED') and e.merged_into_id is null and e.period_from <= ?::date "
				+ "and e.period_to >= ?::date and exists (select 1 from plan_entry_department d where d.plan_entry_id = e.id "
				+ "and d.department_id = ?)", Long.class, to, from, wsjk);
		assertThat(a.planned()).isEqualTo(entries).isPositive();
		assertThat(a.entries()).allSatisfy(e -> assertThat(e.lead()).isFalse());
		assertThat(a.tasksDrawn()).isPositive();
		assertThat(a.targetsDrawn()).isPositive();

		long before = this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.export'", Long.class);
		byte[] xlsx = this.mvc.perform(get("/oversight/assessment/report.xlsx").with(as("bureau"))
				.param("department", wsjk.toString()).param("from", from).param("to", to))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			Sheet summary = workbook.getSheet("汇总");
			assertThat(summary.getRow(0).getCell(1).getStringCellValue()).isEqualTo(a.departmentName());
			assertThat(summary.getRow(5).getCell(0).getStringCellValue()).isEqualTo("计划项目");
			assertThat((long) summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(a.planned());
			assertThat((long) summary.getRow(9).getCell(1).getNumericCellValue()).isEqualTo(a.targetsDrawn());
			Sheet lines = workbook.getSheet("计划与完成");
			assertThat(lines.getLastRowNum()).isEqualTo(a.entries().size());
			assertThat(lines.getRow(1).getCell(3).getStringCellValue()).isEqualTo("配合");
			assertThat(workbook.getSheet("作废与变更").getLastRowNum()).isEqualTo(a.corrections().size());
		}
		assertThat(this.jdbc.queryForObject("select detail from audit_event where action = 'oversight.export' "
				+ "order by seq desc limit 1", String.class)).isEqualTo("assessment xlsx department WSJK " + from + ".." + to);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.export'", Long.class))
			.isEqualTo(before + 1);
	}

	@Test
	void aManagerIsAssessedAsTheirOwnDepartmentWhateverTheyAskFor() throws Exception {
		Assessment a = assessment("scjg-manager", "department", department("WSJK").toString(), "from", LAST_YEAR + "-10-01",
				"to", LAST_YEAR + "-12-31");
		assertThat(a.departmentCode()).isEqualTo("SCJG");
		assertThat(a.entries()).anySatisfy(e -> assertThat(e.lead()).isTrue());
	}

	@Test
	void aPeriodInTheWrongOrderOrABadDateIsRefusedAtItsField() throws Exception {
		var model = this.mvc.perform(get("/oversight/assessment").with(as("bureau")).param("from", "2026-03-01")
				.param("to", "2026-01-01")).andExpect(status().isOk()).andReturn().getModelAndView().getModel();
		BindingResult errors = (BindingResult) model.get(BindingResult.MODEL_KEY_PREFIX + "assessmentForm");
		assertThat(errors.getFieldError("to").getCode()).isEqualTo("oversight.assessment.to.beforeFrom");
		assertThat(model.get("assessment")).isNull();

		String page = this.mvc.perform(get("/oversight/assessment").with(as("bureau")).param("from", "2026-13-45")
				.param("to", "2026-01-01")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("格式不正确");
		this.mvc.perform(get("/oversight/assessment/report.xlsx").with(as("bureau")).param("from", "x").param("to", "y"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void timelinessAndFollowUpsAreCountedFromTheResultTablesOnScreenAndInTheXlsx() throws Exception {
		Long scjg = department("SCJG");
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		for (String[] period : new String[][] { { LAST_YEAR + "-01-01", LAST_YEAR + "-12-31" },
				{ today.minusDays(300).toString(), today.toString() } }) {
			Assessment a = assessment("bureau", "department", scjg.toString(), "from", period[0], "to", period[1]);
			String results = "from inspection_result r where r.department_id = ? and r.deadline is not null "
					+ "and r.inspection_date between ?::date and ?::date";
			String published = "(r.published_at at time zone 'Asia/Shanghai')::date";
			assertThat(a.publishedOnTime()).isEqualTo(this.jdbc.queryForObject("select count(*) " + results
					+ " and r.state = 'PUBLISHED' and " + published + " <= r.deadline", Long.class, scjg, period[0], period[1]));
			assertThat(a.publishedLate()).isEqualTo(this.jdbc.queryForObject("select count(*) " + results
					+ " and r.state = 'PUBLISHED' and " + published + " > r.deadline", Long.class, scjg, period[0], period[1]));
			assertThat(a.resultsOverdue()).isEqualTo(this.jdbc.queryForObject("select count(*) " + results
					+ " and r.state <> 'PUBLISHED' and r.deadline < ?::date", Long.class, scjg, period[0], period[1], today.toString()));
			assertThat(a.resultsOverdue() + a.resultsNotYetDue() + a.publishedOnTime() + a.publishedLate())
				.isEqualTo(this.jdbc.queryForObject("select count(*) " + results, Long.class, scjg, period[0], period[1]));
			String followUps = "from result_follow_up f join inspection_result r on r.id = f.result_id "
					+ "where r.department_id = ? and (f.opened_at at time zone 'Asia/Shanghai')::date between ?::date and ?::date";
			assertThat(a.followUpsOpen()).isEqualTo(this.jdbc.queryForObject("select count(*) " + followUps
					+ " and f.status = 'OPEN'", Long.class, scjg, period[0], period[1]));
			assertThat(a.followUpsClosed()).isEqualTo(this.jdbc.queryForObject("select count(*) " + followUps
					+ " and f.status = 'CLOSED'", Long.class, scjg, period[0], period[1]));

			byte[] xlsx = this.mvc.perform(get("/oversight/assessment/report.xlsx").with(as("bureau"))
					.param("department", scjg.toString()).param("from", period[0]).param("to", period[1]))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				Sheet summary = workbook.getSheet("汇总");
				long[] expected = { a.publishedOnTime(), a.publishedLate(), a.resultsOverdue(), a.resultsNotYetDue(),
						a.followUpsOpen(), a.followUpsClosed() };
				String[] labels = { "按时公示", "逾期后公示", "逾期未公示", "尚在公示期限内", "后续处置（未办结）", "后续处置（已办结）" };
				for (int i = 0; i < expected.length; i++) {
					assertThat(summary.getRow(12 + i).getCell(0).getStringCellValue()).isEqualTo(labels[i]);
					assertThat((long) summary.getRow(12 + i).getCell(1).getNumericCellValue()).isEqualTo(expected[i]);
				}
			}
		}
		// the demo draft left past its deadline last year, and this year's published results with an open follow-up
		assertThat(assessment("bureau", "department", scjg.toString(), "from", LAST_YEAR + "-01-01", "to",
				LAST_YEAR + "-12-31").resultsOverdue()).isPositive();
		Assessment recent = assessment("bureau", "department", scjg.toString(), "from", today.minusDays(300).toString(), "to",
				today.toString());
		assertThat(recent.publishedOnTime()).isPositive();
		assertThat(recent.followUpsOpen()).isPositive();
	}

}
