package org.doublerandom.inspection.inspector.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.doublerandom.inspection.inspector.InspectorImport;
import org.doublerandom.inspection.spreadsheet.ReadLimits;
import org.doublerandom.inspection.spreadsheet.SpreadsheetFiles;
import org.doublerandom.inspection.spreadsheet.SpreadsheetReader;
import org.jsoup.Jsoup;
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
 * 批量导入 and 导出 of the inspector registry through the real pages: the preview names every bad row and
 * writes nothing, the commit writes the valid rows at once into the importer's own department, bad files get
 * a message in Chinese, and exports mask phones and keep to the department scope.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class InspectorImportTests {

	static final String HEADER = String.join(",", InspectorImport.COLUMNS) + "\n";

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

	MvcResult upload(MockHttpSession session, String username, String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/registry/inspectors/import").file(new MockMultipartFile("file", name, null, content))
				.session(session)
				.with(csrf())
				.with(as(username)))
			.andExpect(status().isOk())
			.andReturn();
	}

	MvcResult commit(MockHttpSession session, String username, MvcResult preview, boolean updateExisting)
			throws Exception {
		String token = (String) preview.getModelAndView().getModel().get("token");
		return this.mvc
			.perform(post("/registry/inspectors/import/{t}/commit", token).session(session)
				.with(csrf())
				.with(as(username))
				.param("updateExisting", String.valueOf(updateExisting)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	String export(String username, String format, String... parameters) throws Exception {
		var request = get("/registry/inspectors/export." + format).with(as(username));
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	String certificateOf(String departmentCode) {
		return this.jdbc.queryForObject("""
				select c.number from inspector_certificate c join inspector i on i.id = c.inspector_id
				join department d on d.id = i.department_id where d.code = ? order by c.id limit 1""", String.class,
				departmentCode);
	}

	@Test
	void thePreviewNamesEveryBadRowWritesNothingAndTheCommitWritesTheValidRowsIntoTheImportersDepartment()
			throws Exception {
		String otherDepartments = certificateOf("WSJK");
		String ownDepartments = certificateOf("SCJG");
		String ownName = this.jdbc.queryForObject(
				"select i.name from inspector i join inspector_certificate c on c.inspector_id = i.id where c.number = ?",
				String.class, ownDepartments);
		String csv = HEADER
				+ "导入·甲,执法人员,综合执法科,东胜区,在岗,13812345678,食品安全,IMP-A-001,行政执法证,鄂尔多斯市人民政府,2028-12-31,SCJG-001、scjg-002,食品安全，特种设备\n" // 2
				+ "导入·乙,执法人员,,150602,在岗,12345,,IMP-A-003,行政执法证,鄂尔多斯市人民政府,2028-12-31,,\n" // 3: phone
				+ "导入·丙,<b>临时工</b>,,,,,,,,,,,\n" // 4: unknown kind, markup in the value
				+ "导入·丁,执法人员,,,,,,IMP-A-005,行政执法证,鄂尔多斯市人民政府,2026-02-30,,\n" // 5: no such date
				+ "导入·戊,执法人员,,,休假,,,IMP-A-006,执法证,鄂尔多斯市人民政府,2020-01-31,,\n" // 6: expired: data all the same
				+ "导入·己,执法人员,,,,,,IMP-A-001,行政执法证,鄂尔多斯市人民政府,2028-12-31,,\n" // 7: duplicate in the file
				+ "导入·庚,执法人员,,,,,,"
				+ otherDepartments + ",行政执法证,鄂尔多斯市人民政府,2028-12-31,,\n" // 8: another department's person
				+ "<script>alert(1)</script>,专家,,,,,,,,,,,\n" // 9: markup in a name is data
				+ "\"=HYPERLINK(\"\"http://x\"\")\",EXPERT,,,LEFT,,,IMP-A-010,专业资格证书,某检测研究院,2027/6/30,,\n" // 10
				+ "导入·改名,执法人员,,,,,,"
				+ ownDepartments + ",行政执法证,鄂尔多斯市人民政府,2030-01-01,,\n"; // 11: in the department already
		long before = count("select count(*) from inspector");
		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload(session, "scjg-officer1", "people.csv", csv.getBytes(StandardCharsets.UTF_8));
		String page = preview.getResponse().getContentAsString();
		assertThat(count("select count(*) from inspector")).as("the preview writes nothing").isEqualTo(before);
		assertThat(page).contains("id=\"report-rows\">10<", "id=\"report-valid\">5<", "id=\"report-errors\">5<",
				"id=\"report-existing\">1<");
		var errors = Jsoup.parse(page).select("#row-errors tbody tr");
		assertThat(errors.eachText()).containsExactly("3 手机号 请填写 11 位手机号。",
				"4 人员类别 无法识别的人员类别“<b>临时工</b>”（应为 执法人员 或 专家）。", "5 有效期至 无法识别的日期“2026-02-30”，请写作 2028-12-31。",
				"7 证件编号 证件编号“IMP-A-001”在文件中重复出现（以第一次出现的行为准）。",
				"8 证件编号 证件编号 " + otherDepartments + " 已经登记过。");
		assertThat(page).contains("&lt;b&gt;临时工&lt;/b&gt;").doesNotContain("<b>临时工");

		MvcResult committed = commit(session, "scjg-officer1", preview, false);
		assertThat(committed.getFlashMap().get("messageArgs")).isEqualTo(new Object[] { 5, 4, 0, 1, 5 });
		assertThat(count("select count(*) from inspector")).isEqualTo(before + 4);
		assertThat(count("""
				select count(*) from inspector i join department d on d.id = i.department_id
				where d.code = 'SCJG' and i.name in ('导入·甲', '导入·戊', '<script>alert(1)</script>', '=HYPERLINK("http://x")')
				""")).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("""
				select i.phone || ' ' || i.region_code || ' ' || i.status || ' ' || i.unit || ' ' || c.kind || ' ' || c.valid_until
				from inspector i join inspector_certificate c on c.inspector_id = i.id where c.number = 'IMP-A-001'""",
				String.class)).isEqualTo("13812345678 150602 ACTIVE 综合执法科 ENFORCEMENT 2028-12-31");
		assertThat(this.jdbc.queryForList("""
				select t.item_code from inspector_item t join inspector_certificate c on c.inspector_id = t.inspector_id
				where c.number = 'IMP-A-001' order by 1""", String.class)).containsExactly("SCJG-001", "SCJG-002");
		assertThat(this.jdbc.queryForObject("""
				select i.status || ' ' || c.valid_until from inspector i join inspector_certificate c
				on c.inspector_id = i.id where c.number = 'IMP-A-006'""", String.class)).isEqualTo("ON_LEAVE 2020-01-31");
		assertThat(this.jdbc.queryForObject(
				"select i.name from inspector i join inspector_certificate c on c.inspector_id = i.id where c.number = ?",
				String.class, ownDepartments)).as("insert-only leaves the department's people as they are")
			.isEqualTo(ownName);
		assertThat(this.jdbc.queryForObject(
				"select detail from audit_event where action = 'inspector.import' order by id desc limit 1", String.class))
			.contains("people.csv", "10 rows", "4 new", "0 updated", "1 unchanged", "5 skipped");

		String list = this.mvc.perform(get("/registry/inspectors").param("q", "script").with(as("scjg-officer1")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

		String exported = export("scjg-officer1", "csv", "q", "IMP-A-0");
		assertThat(exported).contains("导入·甲,执法人员,综合执法科,东胜区,在岗,138****5678,", "'=HYPERLINK", "IMP-A-006")
			.doesNotContain("13812345678")
			.doesNotContain(",=HYPERLINK");
		assertThat(export("wsjk-officer", "csv", "q", "IMP-A-0")).as("another department's export")
			.doesNotContain("IMP-A-0")
			.startsWith("\uFEFF" + HEADER.strip());
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'inspector.export' "
				+ "and actor = 'wsjk-officer' and detail like '%IMP-A-0%'", Long.class)).isPositive();
	}

	@Test
	void updateModeMatchesTheDepartmentsPeopleByCertificateNumberAndKeepsAMaskedPhone() throws Exception {
		String first = HEADER + "导入·更新前,执法人员,一科,东胜区,在岗,13912345678,,IMP-B-001,行政执法证,市政府,2026-06-30,SCJG-001,\n";
		MockHttpSession session = new MockHttpSession();
		commit(session, "scjg-manager", upload(session, "scjg-manager", "first.csv", first.getBytes(StandardCharsets.UTF_8)),
				false);
		long before = count("select count(*) from inspector");
		String again = HEADER
				+ "导入·更新后,执法人员,二科,东胜区,离职,139****5678,,IMP-B-001,行政执法证,市政府,2029-06-30,SCJG-003,计量\n";
		MvcResult preview = upload(session, "scjg-manager", "again.csv", again.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.getResponse().getContentAsString()).contains("id=\"report-existing\">1<",
				"id=\"report-errors\">0<");
		assertThat(commit(session, "scjg-manager", preview, true).getFlashMap().get("messageArgs"))
			.isEqualTo(new Object[] { 1, 0, 1, 0, 0 });
		assertThat(count("select count(*) from inspector")).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("""
				select i.name || ' ' || i.unit || ' ' || i.status || ' ' || i.phone || ' ' || c.valid_until
				from inspector i join inspector_certificate c on c.inspector_id = i.id where c.number = 'IMP-B-001'""",
				String.class)).isEqualTo("导入·更新后 二科 LEFT 13912345678 2029-06-30");
		assertThat(this.jdbc.queryForList("""
				select t.item_code from inspector_item t join inspector_certificate c on c.inspector_id = t.inspector_id
				where c.number = 'IMP-B-001' order by 1""", String.class)).containsExactly("SCJG-001", "SCJG-003");
	}

	@Test
	void aCommitCannotBeReplayedOrTakenOverBySomeoneElse() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload(session, "scjg-officer1", "one.csv",
				(HEADER + "导入·单行,专家,,,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
		long before = count("select count(*) from inspector");
		this.mvc
			.perform(post("/registry/inspectors/import/{t}/commit", preview.getModelAndView().getModel().get("token"))
				.session(session)
				.with(csrf())
				.with(as("scjg-manager")))
			.andExpect(redirectedUrl("/registry/inspectors/import"))
			.andExpect(flash().attribute("error", "inspector.import.expired"));
		assertThat(count("select count(*) from inspector")).isEqualTo(before);
		this.mvc
			.perform(post("/registry/inspectors/import/{t}/commit", preview.getModelAndView().getModel().get("token"))
				.session(session)
				.with(csrf())
				.with(as("scjg-officer1")))
			.andExpect(flash().attribute("error", "inspector.import.expired"));
		assertThat(count("select count(*) from inspector")).isEqualTo(before);
	}

	@Test
	void badFilesGetAMessageInChineseAndNeverA500() throws Exception {
		byte[] garbage = new byte[2048];
		for (int i = 0; i < garbage.length; i++) {
			garbage[i] = (byte) (i * 7 + 3);
		}
		Path bomb = SpreadsheetFiles.zipBomb(this.dir);
		List<Object[]> cases = List.of(new Object[] { "empty.csv", new byte[0], "文件是空的" },
				new Object[] { "photo.xlsx", garbage, "这不是 Excel（.xlsx）或 CSV 文件" },
				new Object[] { "bomb.xlsx", Files.readAllBytes(bomb), "疑似压缩炸弹" },
				new Object[] { "header-only.csv", HEADER.getBytes(StandardCharsets.UTF_8), "只有表头" },
				new Object[] { "missing.csv", "姓名,科室\n导入·缺列,一科\n".getBytes(StandardCharsets.UTF_8), "缺少必填的列：人员类别" },
				new Object[] { "unknown.csv", "姓名,人员类别,所属部门\n导入·多列,专家,卫健委\n".getBytes(StandardCharsets.UTF_8),
						"无法识别的列：所属部门" },
				new Object[] { "twice.csv", "姓名,人员类别,name\n导入·重列,专家,x\n".getBytes(StandardCharsets.UTF_8),
						"列“姓名”出现了两次" },
				new Object[] { "cells.csv", "姓名,人员类别\n导入·错位,专家,多余\n".getBytes(StandardCharsets.UTF_8), "比表头多" });
		long before = count("select count(*) from inspector");
		for (Object[] c : cases) {
			String page = upload(new MockHttpSession(), "scjg-officer1", (String) c[0], (byte[]) c[1]).getResponse()
				.getContentAsString();
			assertThat(page).as((String) c[0]).contains((String) c[2]);
		}
		assertThat(count("select count(*) from inspector")).isEqualTo(before);
	}

	@Test
	void theTemplateAndAnExportImportBackWithoutErrors() throws Exception {
		byte[] template = this.mvc.perform(get("/registry/inspectors/import/template.xlsx").with(as("scjg-officer1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path file = Files.write(this.dir.resolve("template.xlsx"), template);
		List<List<String>> rows = new ArrayList<>();
		SpreadsheetReader.read(file, ReadLimits.uploads(), (n, cells) -> rows.add(cells));
		assertThat(rows.get(0)).isEqualTo(InspectorImport.COLUMNS);
		assertThat(upload(new MockHttpSession(), "scjg-officer1", "template.xlsx", template).getResponse()
			.getContentAsString()).contains("id=\"report-valid\">1<", "id=\"report-errors\">0<");

		String ownDepartments = certificateOf("SCJG");
		byte[] exported = this.mvc
			.perform(get("/registry/inspectors/export.xlsx").param("q", ownDepartments).with(as("scjg-officer1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String preview = upload(new MockHttpSession(), "scjg-officer1", "export.xlsx", exported).getResponse()
			.getContentAsString();
		assertThat(preview).contains("id=\"report-rows\">1<", "id=\"report-existing\">1<", "id=\"report-errors\">0<");
	}

	@Test
	void theBureausExportCoversEveryDepartmentAndAnOfficersOnlyTheirOwn() throws Exception {
		String bureau = export("bureau", "csv");
		assertThat(bureau).contains(certificateOf("SCJG"), certificateOf("WSJK"), certificateOf("STHJ"))
			.containsPattern("1[3-9][0-9]\\*{4}[0-9]{4}")
			.doesNotContainPattern("1[3-9][0-9]{9}");
		byte[] xlsx = this.mvc.perform(get("/registry/inspectors/export.xlsx").with(as("wsjk-officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		int column = InspectorImport.COLUMNS.indexOf("证件编号");
		List<String> numbers = new ArrayList<>();
		SpreadsheetReader.read(Files.write(this.dir.resolve("wsjk.xlsx"), xlsx), ReadLimits.uploads(),
				(n, cells) -> numbers.add((cells.size() > column) ? cells.get(column) : ""));
		assertThat(numbers).contains(certificateOf("WSJK")).doesNotContain(certificateOf("SCJG"));
		assertThat(numbers.size() - 1).isEqualTo(count("""
				select count(*) from inspector i join department d on d.id = i.department_id where d.code = 'WSJK'"""));
	}

}
