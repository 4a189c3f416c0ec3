package org.doublerandom.inspection.item.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.doublerandom.inspection.spreadsheet.SpreadsheetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Item imports through the real pages, into the demo's draft of the market-regulation bureau's list (SCJG
 * version 2): the preview names every bad row and writes nothing, the commit writes the valid rows into the
 * draft at once, an export imports back unchanged, and bad files get a message in Chinese, never a 500.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class ItemImportTests {

	static final String HEADER = "事项编码,事项名称,抽查依据,适用对象类型,类别,检查方式,检查要点\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	Long list(String departmentCode, boolean joint, String status) {
		return this.jdbc.query("""
				select l.id from item_list l join department d on d.id = l.department_id
				where d.code = ? and l.joint = ? and l.status = ?""", (rs, n) -> rs.getLong(1), departmentCode, joint,
				status).stream().findFirst().orElse(null);
	}

	long items(Long listId) {
		return this.jdbc.queryForObject("select count(*) from inspection_item where item_list_id = ?", Long.class,
				listId);
	}

	long importEvents() {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = 'item.import'", Long.class);
	}

	MvcResult upload(String username, MockHttpSession session, Long listId, String name, byte[] content)
			throws Exception {
		return this.mvc
			.perform(multipart("/items/lists/{id}/import", listId).file(new MockMultipartFile("file", name, null, content))
				.session(session)
				.with(csrf())
				.with(as(username)))
			.andExpect(status().isOk())
			.andReturn();
	}

	static String token(MvcResult preview) {
		return (String) preview.getModelAndView().getModel().get("token");
	}

	void commit(String username, MockHttpSession session, Long listId, String token) throws Exception {
		this.mvc.perform(post("/items/lists/{id}/import/{t}/commit", listId, token).session(session)
			.with(csrf())
			.with(as(username))).andExpect(status().is3xxRedirection());
	}

	byte[] export(String username, Long listId, String format) throws Exception {
		return this.mvc.perform(get("/items/lists/{id}/export." + format, listId).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void thePreviewNamesEveryBadRowWritesNothingAndTheCommitWritesTheValidRowsIntoTheDraftAtOnce() throws Exception {
		Long draft = list("SCJG", false, "DRAFT");
		Long published = list("SCJG", false, "PUBLISHED");
		String good = "IMP-" + System.nanoTime() % 1_000_000;
		String xss = good + "X";
		String csv = HEADER + good + ",演示·广告发布检查,《广告法》,企业、个体工商户,一般,书面检查、网络监测,\"广告内容真实\n特殊广告经审查\"\n" // 2
				+ "IMP-B3,,《广告法》,企业,一般,书面检查,\n" // 3: no name
				+ "IMP-B4,类别错,《广告法》,企业,特别,书面检查,\n" // 4: unknown category
				+ "IMP-B5,方式错,《广告法》,企业,重点,飞行检查,\n" // 5: unknown method
				+ good + ",重复行,《广告法》,企业,一般,书面检查,\n" // 6: duplicate code in the file
				+ "IMP-B7,脚本类别,《广告法》,企业,<script>alert(2)</script>,书面检查,\n" // 7: markup in an error
				+ xss + ",<script>alert(1)</script>,《广告法》,企业；产品,重点,实地检查,要点一；要点二\n" // 8: valid
				+ "IMP B9,编码错,,,一般,书面检查,\n"; // 9: bad code, no basis, no kinds
		long draftItems = items(draft);
		long publishedItems = items(published);
		long events = importEvents();

		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload("scjg-officer1", session, draft, "items.csv", csv.getBytes(StandardCharsets.UTF_8));
		String page = preview.getResponse().getContentAsString();
		assertThat(items(draft)).as("the preview writes nothing").isEqualTo(draftItems);
		assertThat(page).contains("id=\"report-rows\">8<", "id=\"report-valid\">2<", "id=\"report-added\">2<",
				"id=\"report-updated\">0<", "id=\"report-errors\">8<");
		assertThat(page).contains("<td>3</td>", "<td>事项名称</td>", "此项必填。", "无法识别的类别“特别”", "<td>类别</td>",
				"无法识别的检查方式“飞行检查”", "<td>检查方式</td>", "事项编码“" + good + "”在文件中重复出现",
				"事项编号只能包含字母、数字、点、横线和下划线", "请至少选择一类抽查对象。", "<td>抽查依据</td>");
		assertThat(page).contains("&lt;script&gt;alert(2)").doesNotContain("<script>alert(2)");

		commit("scjg-officer1", session, draft, token(preview));
		assertThat(items(draft)).isEqualTo(draftItems + 2);
		assertThat(items(published)).as("a published version is never written").isEqualTo(publishedItems);
		assertThat(importEvents()).as("one audit event for the whole import").isEqualTo(events + 1);
		assertThat(this.jdbc.queryForObject("""
				select i.inspecting_department || '|' || i.category || '|'
				|| (select string_agg(c.text, '/' order by c.position) from inspection_item_checkpoint c where c.inspection_item_id = i.id) || '|'
				|| (select string_agg(m.method, '/' order by m.method) from inspection_item_method m where m.inspection_item_id = i.id)
				from inspection_item i where i.item_list_id = ? and i.code = ?""", String.class, draft, good))
			.isEqualTo("鄂尔多斯市市场监督管理局|GENERAL|广告内容真实/特殊广告经审查|DOCUMENTARY/ONLINE_MONITORING");
		String listPage = this.mvc.perform(get("/items/lists/{id}", draft).with(as("scjg-officer1")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listPage).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

		String renamed = "事项编码,事项名称,抽查依据,适用对象类型,类别,检查方式\n" + good + ",演示·广告发布情况检查,《广告法》,企业,一般,书面检查\n";
		MvcResult update = upload("scjg-officer1", new MockHttpSession(), draft, "rename.csv",
				renamed.getBytes(StandardCharsets.UTF_8));
		assertThat(update.getResponse().getContentAsString()).contains("id=\"report-added\">0<",
				"id=\"report-updated\">1<");
	}

	@Test
	void anotherDepartmentCannotImportIntoTheBureausDraft() throws Exception {
		Long draft = list("SCJG", false, "DRAFT");
		Long published = list("SCJG", false, "PUBLISHED");
		long before = items(draft);
		byte[] csv = (HEADER + "IMP-W1,外部门写入,《广告法》,企业,一般,书面检查,\n").getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(get("/items/lists/{id}/import", draft).with(as("wsjk-manager"))).andExpect(status().isNotFound());
		this.mvc.perform(multipart("/items/lists/{id}/import", draft).file(new MockMultipartFile("file", "x.csv", null, csv))
			.with(csrf())
			.with(as("wsjk-manager"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/items/lists/{id}/import", published).with(as("wsjk-manager")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/items/lists/{id}/import", list("SCJG", true, "PUBLISHED")).with(as("scjg-manager")))
			.andExpect(status().isForbidden());

		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload("scjg-officer1", session, draft, "x.csv", csv);
		this.mvc.perform(post("/items/lists/{id}/import/{t}/commit", draft, token(preview)).session(session)
			.with(csrf())
			.with(as("wsjk-manager")))
			.andExpect(redirectedUrl("/items/lists/" + draft + "/import"))
			.andExpect(flash().attribute("error", "item.import.expired"));
		assertThat(items(draft)).isEqualTo(before);
	}

	@Test
	void aPublishedVersionTakesNoImportAndThePageSaysToStartADraftFirst() throws Exception {
		Long sthj = list("STHJ", false, "PUBLISHED");
		long before = items(sthj);
		String form = this.mvc.perform(get("/items/lists/{id}/import", sthj).with(as("sthj-officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("id=\"start-draft-first\"", "请先起草新版本").doesNotContain("id=\"import-form\"");
		String page = upload("sthj-officer", new MockHttpSession(), sthj, "x.csv",
				(HEADER + "IMP-S1,写入已公布版本,《大气污染防治法》,企业,一般,实地检查,\n").getBytes(StandardCharsets.UTF_8))
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("请先起草新版本").doesNotContain("id=\"import-report\"");
		assertThat(items(sthj)).isEqualTo(before);

		Long scjgPublished = list("SCJG", false, "PUBLISHED");
		String toDraft = this.mvc.perform(get("/items/lists/{id}/import", scjgPublished).with(as("scjg-manager")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(toDraft).contains("id=\"to-draft\"", "/items/lists/" + list("SCJG", false, "DRAFT") + "/import");
	}

	@Test
	void anExportNeutralisesFormulaTextAndImportsBackUnchanged() throws Exception {
		Long draft = list("SCJG", false, "DRAFT");
		String formula = "IMP-F" + System.nanoTime() % 1_000_000;
		MockHttpSession first = new MockHttpSession();
		MvcResult added = upload("scjg-manager", first, draft, "formula.csv", (HEADER + formula
				+ ",\"=HYPERLINK(\"\"http://x\"\")\",《广告法》,企业,一般,书面检查,-要点\n").getBytes(StandardCharsets.UTF_8));
		commit("scjg-manager", first, draft, token(added));
		long count = items(draft);
		byte[] csvBefore = export("scjg-manager", draft, "csv");
		assertThat(new String(csvBefore, StandardCharsets.UTF_8)).contains("'=HYPERLINK", "'-要点")
			.doesNotContain(",=HYPERLINK");
		assertThat(new String(csvBefore, StandardCharsets.UTF_8)).startsWith("\uFEFF事项编码,事项名称,子项,抽查依据,检查部门");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'item.export' "
				+ "and actor = 'scjg-manager' and detail like ?", Long.class, "list " + draft + " %")).isPositive();
		for (String format : List.of("xlsx", "csv")) {
			MockHttpSession session = new MockHttpSession();
			MvcResult preview = upload("scjg-manager", session, draft, "export." + format,
					export("scjg-manager", draft, format));
			assertThat(preview.getResponse().getContentAsString()).as(format)
				.contains("id=\"report-rows\">" + count + "<", "id=\"report-added\">0<", "id=\"report-updated\">0<",
						"id=\"report-unchanged\">" + count + "<", "id=\"report-errors\">0<");
			commit("scjg-manager", session, draft, token(preview));
		}
		assertThat(export("scjg-manager", draft, "csv")).isEqualTo(csvBefore);
		assertThat(items(draft)).isEqualTo(count);
	}

	@Test
	void anyReadableVersionExportsAndTheTemplateIsAValidImportFile() throws Exception {
		Long wsjk = list("WSJK", false, "PUBLISHED");
		String csv = new String(export("scjg-officer1", wsjk, "csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("WSJK-001", "公共场所卫生监督检查", "企业、个体工商户、场地场所", "一般");
		this.mvc.perform(get("/items/lists/{id}/export.xlsx", list("SCJG", false, "DRAFT")).with(as("wsjk-manager")))
			.andExpect(status().isNotFound());
		byte[] template = this.mvc.perform(get("/items/import/template.xlsx").with(as("scjg-officer1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		MvcResult preview = upload("scjg-officer1", new MockHttpSession(), list("SCJG", false, "DRAFT"),
				"template.xlsx", template);
		assertThat(preview.getResponse().getContentAsString()).as("the template is a valid import file")
			.contains("id=\"report-valid\">1<", "id=\"report-errors\">0<");
	}

	@Test
	void badFilesGetAMessageInChineseAndAPage() throws Exception {
		Long draft = list("SCJG", false, "DRAFT");
		byte[] garbage = new byte[2048];
		for (int i = 0; i < garbage.length; i++) {
			garbage[i] = (byte) (i * 7 + 3);
		}
		Path bomb = SpreadsheetFiles.zipBomb(this.dir);
		List<Object[]> cases = List.of(new Object[] { "empty.csv", new byte[0], "文件是空的" },
				new Object[] { "photo.xlsx", garbage, "这不是 Excel（.xlsx）或 CSV 文件" },
				new Object[] { "bomb.xlsx", Files.readAllBytes(bomb), "疑似压缩炸弹" },
				new Object[] { "header-only.csv", HEADER.getBytes(StandardCharsets.UTF_8), "只有表头" },
				new Object[] { "missing.csv", "事项名称,事项编码\n演示,A1\n".getBytes(StandardCharsets.UTF_8),
						"缺少必填的列：抽查依据、适用对象类型、类别、检查方式" },
				new Object[] { "unknown.csv", (HEADER.strip() + ",附件\n").getBytes(StandardCharsets.UTF_8), "无法识别的列：附件" },
				new Object[] { "twice.csv", (HEADER.strip() + ",事项编号\n").getBytes(StandardCharsets.UTF_8),
						"列“事项编码”出现了两次" },
				new Object[] { "old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 }, "旧版 Excel" });
		long before = items(draft);
		for (Object[] c : cases) {
			String page = upload("scjg-officer1", new MockHttpSession(), draft, (String) c[0], (byte[]) c[1]).getResponse()
				.getContentAsString();
			assertThat(page).as((String) c[0]).contains((String) c[2], "id=\"file-error\"");
		}
		assertThat(items(draft)).isEqualTo(before);
	}

}
