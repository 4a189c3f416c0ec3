package org.doublerandom.inspection.target.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.doublerandom.inspection.spreadsheet.SpreadsheetFiles;
import org.doublerandom.inspection.target.UnifiedSocialCreditCode;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports through the real pages: the preview names every bad row, writes nothing, and the commit writes the
 * valid rows at once; bad files get a message in Chinese and never a 500.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class TargetImportTests {

	static final String HEADER = "对象类型,代码,名称,行政区划,行业代码,成立日期,信用分类,信用分类日期,标签\n";

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

	static String code(String first17) {
		return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
	}

	MvcResult upload(MockHttpSession session, String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/registry/targets/import").file(new MockMultipartFile("file", name, null, content))
				.session(session)
				.with(csrf())
				.with(as("sthj-officer")))
			.andExpect(status().isOk())
			.andReturn();
	}

	long targets() {
		return this.jdbc.queryForObject("select count(*) from target", Long.class);
	}

	@Test
	void thePreviewNamesEveryBadRowAndTheCommitWritesTheValidOnesAtOnce() throws Exception {
		String existing = this.jdbc.queryForObject("select code from target where code_type = 'USCC' order by id limit 1",
				String.class);
		String good1 = code("91150624MA9QMP001");
		String good2 = code("91150624MA9QMP002");
		String csv = HEADER + "企业," + good1 + ",演示·导入甲化工有限公司,鄂托克旗,26,2019-05-01,B,2026-03-31,危化品\n" // 2
				+ "企业,91350100M000100Y44,校验位错,鄂托克旗,26,,,,\n" // 3: check character
				+ "企业," + good2 + ",\"=HYPERLINK(\"\"http://x\"\")\",150624,26,2019/5/2,,,\n" // 4: formula text, valid
				+ "企业," + good1 + ",重复行,鄂托克旗,26,,,,\n" // 5: duplicate in file
				+ "公司,PRJ-1,类型错,鄂托克旗,,,,,\n" // 6: unknown kind
				+ "企业," + code("91150624MA9QMP003") + ",日期错,鄂托克旗,26,2019-13-45,,,\n" // 7: bad date
				+ "企业," + code("91150624MA9QMP004") + ",区域错,火星区,26,,,,\n" // 8: unknown region
				+ "企业," + code("91150624MA9QMP005") + ",<script>alert(1)</script>,鄂托克旗,26,,E,2026-01-01,\n" // 9: credit
				+ "企业," + existing + ",已存在的对象,鄂托克旗,26,,,,\n"; // 10: in the registry: linked only
		long before = targets();
		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload(session, "targets.csv", csv.getBytes(StandardCharsets.UTF_8));
		String page = preview.getResponse().getContentAsString();
		assertThat(targets()).as("the preview writes nothing").isEqualTo(before);
		assertThat(page).contains("id=\"report-rows\">9<", "id=\"report-valid\">3<", "id=\"report-errors\">6<",
				"id=\"report-existing\">1<");
		assertThat(page).contains("按 GB 32100 计算应为“3”", "在文件中重复出现", "无法识别的对象类型“公司”", "无法识别的日期“2019-13-45”",
				"未知的行政区划“火星区”", "信用分类应为 A、B、C、D 之一，而不是“E”");
		assertThat(page).contains("<td>3</td>", "<td>5</td>", "<td>成立日期</td>").doesNotContain("<script>alert(1)");

		String token = (String) preview.getModelAndView().getModel().get("token");
		this.mvc.perform(post("/registry/targets/import/{t}/commit", token).session(session)
			.with(csrf())
			.with(as("sthj-officer"))
			.param("updateExisting", "false")).andExpect(status().is3xxRedirection());
		assertThat(targets()).isEqualTo(before + 2);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from target_department d join target t on t.id = d.target_id join department p
				on p.id = d.department_id where p.code = 'STHJ' and t.code in (?, ?, ?)""", Long.class, good1, good2,
				existing)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("select name from target where code = ?", String.class, existing))
			.isNotEqualTo("已存在的对象");

		String export = this.mvc.perform(get("/registry/targets/export.csv").param("q", "HYPERLINK").with(as("sthj-officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(export).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
		// 全程留痕: who exported what
		assertThat(this.jdbc.queryForObject("select detail from audit_event where action = 'target.export' "
				+ "and actor = 'sthj-officer' order by seq desc limit 1", String.class)).contains("HYPERLINK");
	}

	@Test
	void aCommitCannotBeReplayedOrTakenOverBySomeoneElse() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload(session, "one.csv",
				(HEADER + "企业," + code("91150624MA9QMP101") + ",演示·单行,鄂托克旗,26,,,,\n").getBytes(StandardCharsets.UTF_8));
		String token = (String) preview.getModelAndView().getModel().get("token");
		long before = targets();
		this.mvc.perform(post("/registry/targets/import/{t}/commit", token).session(session)
			.with(csrf())
			.with(as("wsjk-officer"))).andExpect(status().is3xxRedirection());
		assertThat(targets()).isEqualTo(before);
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
				new Object[] { "missing.csv", "名称,代码\n演示,1\n".getBytes(StandardCharsets.UTF_8), "缺少必填的列：对象类型、行政区划" },
				new Object[] { "extra.csv", "对象类型,代码,名称,行政区划,备注栏\n企业,1,2,3,4\n".getBytes(StandardCharsets.UTF_8),
						"无法识别的列：备注栏" },
				new Object[] { "cells.csv", (HEADER + "企业,1,2,3,4,5,6,7,8,9,10\n").getBytes(StandardCharsets.UTF_8),
						"比表头多" },
				new Object[] { "old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 }, "旧版 Excel" });
		long before = targets();
		for (Object[] c : cases) {
			String page = upload(new MockHttpSession(), (String) c[0], (byte[]) c[1]).getResponse().getContentAsString();
			assertThat(page).as((String) c[0]).contains((String) c[2]);
		}
		assertThat(targets()).isEqualTo(before);
	}

	@Test
	void anXlsxImportReadsDatesAndNumbersAsTyped() throws Exception {
		Path xlsx = SpreadsheetFiles.xlsx(this.dir, "targets.xlsx",
				List.of(List.of("对象类型", "代码", "名称", "行政区划", "成立日期"),
						List.of("个体工商户", 150624600000123L, "演示·旧注册号个体户", "鄂托克旗",
								java.time.LocalDate.of(2008, 8, 8))));
		MockHttpSession session = new MockHttpSession();
		MvcResult preview = upload(session, "targets.xlsx", Files.readAllBytes(xlsx));
		assertThat(preview.getResponse().getContentAsString()).contains("id=\"report-valid\">1<");
		String token = (String) preview.getModelAndView().getModel().get("token");
		this.mvc.perform(post("/registry/targets/import/{t}/commit", token).session(session)
			.with(csrf())
			.with(as("sthj-officer"))).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select code_type || ' ' || established_on from target where code = '150624600000123'", String.class))
			.isEqualTo("REGISTRATION_NO 2008-08-08");
	}

}
