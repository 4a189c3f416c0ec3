package org.doublerandom.inspection.document.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The documents of the demo joint task (drawn with teams, led by SCJG with WSJK and STHJ), downloaded as PDF
 * and read back with PDFBox: the Chinese item names, checkpoints, targets and inspectors are there as text, in
 * the embedded WenQuanYi subset; another department is refused; each download is audited.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class DocumentDownloadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	long task;

	long draw;

	@BeforeEach
	void demoTaskWithTeams() {
		this.draw = this.jdbc.queryForObject("select d.id from draw d join draw_result r on r.draw_id = d.id "
				+ "where d.demo and r.status = 'ASSIGNED' and d.voided_at is null order by d.id limit 1", Long.class);
		this.task = this.jdbc.queryForObject("select task_id from draw where id = ?", Long.class, this.draw);
	}

	MockHttpServletRequestBuilder as(String username, String path) {
		return get("/tasks/{id}/documents" + path, this.task).with(user(this.users.loadUserByUsername(username)));
	}

	byte[] pdf(String username, String name) throws Exception {
		return this.mvc.perform(as(username, "/" + name))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** Keeps the PDF and a picture of its first page under target/, to look at. */
	static void keep(byte[] pdf, String name) throws Exception {
		java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
		java.nio.file.Files.write(Path.of("target", "screenshots", name + ".pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 90);
			javax.imageio.ImageIO.write(image, "png", Path.of("target", "screenshots", name + ".png").toFile());
		}
	}

	static int pages(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/** Line breaks of the layout fall anywhere inside a long name. */
	static String squeezed(String s) {
		return s.replaceAll("\\s+", "");
	}

	List<String> itemNames() {
		return this.jdbc.queryForList("select i.item_name from plan_entry_item i join task t on t.plan_entry_id = i.plan_entry_id "
				+ "where t.id = ? order by i.item_code", String.class, this.task);
	}

	@Test
	void theJointCheckSheetHoldsEveryParticipatingDepartmentsItemNamesAndCheckpointsAsChineseText() throws Exception {
		byte[] pdf = pdf("scjg-officer1", "check-sheet.pdf");
		keep(pdf, "document-check-sheet");
		String text = squeezed(text(pdf));
		List<String> names = itemNames();
		assertThat(names).hasSizeGreaterThanOrEqualTo(3);
		assertThat(text).contains("部门联合检查表");
		names.forEach(name -> assertThat(text).contains(squeezed(name)));
		List<String> departments = this.jdbc.queryForList("select d.name from task_department s join department d on d.id = s.department_id "
				+ "where s.task_id = ?", String.class, this.task);
		assertThat(departments).hasSizeGreaterThanOrEqualTo(3);
		departments.forEach(d -> assertThat(text).contains(squeezed(d)));
		List<String> checkpoints = this.jdbc.queryForList("select c.text from plan_entry_item e join task t on t.plan_entry_id = e.plan_entry_id "
				+ "join item_list l on l.department_id = e.department_id and l.joint = e.joint and l.status = 'PUBLISHED' "
				+ "join inspection_item i on i.item_list_id = l.id and i.code = e.item_code "
				+ "join inspection_item_checkpoint c on c.inspection_item_id = i.id where t.id = ?", String.class, this.task);
		assertThat(checkpoints).isNotEmpty();
		checkpoints.forEach(c -> assertThat(text).contains(squeezed(c)));
	}

	@Test
	void everyTextIsSetInAnEmbeddedSubsetOfWenQuanYiMicroHei() throws Exception {
		for (String name : List.of("notice.pdf", "check-sheet.pdf", "record.pdf")) {
			try (PDDocument document = Loader.loadPDF(pdf("scjg-manager", name))) {
				PDPage page = document.getPage(0);
				boolean found = false;
				for (COSName font : page.getResources().getFontNames()) {
					PDFont f = page.getResources().getFont(font);
					assertThat(f.getName()).as(name).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
					assertThat(f.isEmbedded()).isTrue();
					found = true;
				}
				assertThat(found).as(name).isTrue();
			}
		}
	}

	@Test
	void theNoticeHasOnePageOrMorePerTargetAndNamesEachTargetAndItsInspectors() throws Exception {
		byte[] pdf = pdf("bureau", "notice.pdf");
		keep(pdf, "document-notice");
		String text = squeezed(text(pdf));
		int targets = this.jdbc.queryForObject("select count(*) from draw_selected where draw_id = ? and not reserve", Integer.class, this.draw);
		assertThat(pages(pdf)).isGreaterThanOrEqualTo(targets);
		assertThat(text).contains("随机抽查告知书");
		List<String> firms = this.jdbc.queryForList("select t.name from draw_selected s join draw_pool p on p.draw_id = s.draw_id "
				+ "and p.target_id = s.target_id join target t on t.id = p.registry_id where s.draw_id = ? and not s.reserve", String.class, this.draw);
		firms.forEach(f -> assertThat(text).contains(squeezed(f)));
		List<String> inspectors = this.jdbc.queryForList("select distinct i.name from draw_team_slot s join draw_roster r on r.draw_id = s.draw_id "
				+ "and r.inspector_id = s.inspector_id join inspector i on i.id = r.registry_id where s.draw_id = ?", String.class, this.draw);
		assertThat(inspectors).isNotEmpty();
		inspectors.forEach(i -> assertThat(text).contains(squeezed(i)));
	}

	@Test
	void theRecordHasBlanksToFillInAndEveryItemForEachTarget() throws Exception {
		byte[] pdf = pdf("scjg-officer1", "record.pdf");
		keep(pdf, "document-record");
		String text = squeezed(text(pdf));
		assertThat(text).contains("检查记录", "检查情况", "发现的问题", "处理措施", "被检查单位负责人签名");
		itemNames().forEach(name -> assertThat(text).contains(squeezed(name)));
	}

	@Test
	void eachDownloadIsAuditedAsAnExportOfTheTask() throws Exception {
		String count = "select count(*) from audit_event where action = 'document.export' and object_type = 'task' and object_id = ? and detail like 'record %'";
		int before = this.jdbc.queryForObject(count, Integer.class, String.valueOf(this.task));
		pdf("scjg-officer1", "record.pdf");
		assertThat(this.jdbc.queryForObject(count, Integer.class, String.valueOf(this.task))).isEqualTo(before + 1);
	}

	@Test
	void theHtmlPreviewIsTheSameTemplateWithTheItemNames() throws Exception {
		String html = this.mvc.perform(as("scjg-officer1", "/check-sheet"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		itemNames().forEach(name -> assertThat(html).contains(name));
		assertThat(html).contains("/css/documents.css").doesNotContain("<style");
	}

	@Test
	void anOfficerOfADepartmentNotTakingPartIsRefused() throws Exception {
		// the only demo account outside the task's departments; the route matrix (same context) resets its password
		String flag = "select must_change_password from user_account where username = 'ds-officer'";
		boolean mustChange = this.jdbc.queryForObject(flag, Boolean.class);
		this.jdbc.update("update user_account set must_change_password = false where username = 'ds-officer'");
		try {
			for (String path : List.of("", "/notice", "/check-sheet.pdf", "/record.pdf")) {
				this.mvc.perform(as("ds-officer", path)).andExpect(status().isForbidden());
			}
		}
		finally {
			this.jdbc.update("update user_account set must_change_password = ? where username = 'ds-officer'", mustChange);
		}
	}

	@Test
	void anOfficerOfADepartmentTakingPartButNotLeadingMayDownload() throws Exception {
		assertThat(text(pdf("wsjk-officer", "check-sheet.pdf"))).isNotBlank();
	}

	@Test
	void aMissingFontIsAClearErrorNamingTheFileAndTheDebianPackage() {
		CjkFont missing = new CjkFont(Path.of("/nonexistent/wqy-microhei.ttc"));
		assertThatThrownBy(() -> missing.load(new PDDocument())).isInstanceOf(CjkFont.MissingFontException.class)
			.hasMessageContaining("/nonexistent/wqy-microhei.ttc")
			.hasMessageContaining("fonts-wqy-microhei");
	}

}
