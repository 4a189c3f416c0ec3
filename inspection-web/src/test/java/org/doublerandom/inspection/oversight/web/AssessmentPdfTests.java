package org.doublerandom.inspection.oversight.web;

import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 考核报表 as PDF: the same assessment as the page, in Chinese text a reader can search, recorded as an export. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class AssessmentPdfTests {

	static final int LAST_YEAR = LocalDate.now().getYear() - 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theBureauDownloadsADepartmentsAssessmentAsAPdfWithItsChineseText() throws Exception {
		Long wsjk = this.jdbc.queryForObject("select id from department where code = 'WSJK'", Long.class);
		String name = this.jdbc.queryForObject("select name from department where code = 'WSJK'", String.class);
		long before = this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.export'",
				Long.class);
		var response = this.mvc.perform(get("/oversight/assessment/report.pdf")
			.with(user(this.users.loadUserByUsername("bureau")))
			.param("department", wsjk.toString())
			.param("from", LAST_YEAR + "-10-01")
			.param("to", LAST_YEAR + "-12-31"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains(".pdf");
		try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(name + "考核报表", "计划抽查项目", "计划与完成", "作废与变更");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.export'",
				Long.class)).isEqualTo(before + 1);
	}

	@Test
	void aBadPeriodGetsTheExplanationNotAnEmptyPdf() throws Exception {
		this.mvc.perform(get("/oversight/assessment/report.pdf").with(user(this.users.loadUserByUsername("bureau")))
			.param("from", "2026-13-45")
			.param("to", "x"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anOfficerMayNotDownloadTheAssessment() throws Exception {
		this.mvc.perform(get("/oversight/assessment/report.pdf").with(user(this.users.loadUserByUsername("scjg-officer1")))
			.param("from", LAST_YEAR + "-10-01")
			.param("to", LAST_YEAR + "-12-31"))
			.andExpect(status().isForbidden());
	}

}
