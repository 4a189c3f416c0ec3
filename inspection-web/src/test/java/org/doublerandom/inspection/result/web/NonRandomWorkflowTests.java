package org.doublerandom.inspection.result.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 非随机检查 on the demo data: recorded by a market-regulation officer, published by the manager, shown on the
 * entity page with its type and never in the drawn results; another department gets 403; bad input is refused
 * at its field in Chinese; a draft never appears publicly.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class NonRandomWorkflowTests {

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	/** A registry target nobody has a non-random inspection of, with its id and code. */
	String[] freshTarget(int offset) {
		return this.jdbc.queryForObject("""
				select t.id, t.code from target t
				where not exists (select 1 from non_random_inspection n where n.target_id = t.id)
				  and not exists (select 1 from inspection_result r where r.target_id = t.id)
				order by t.id offset ? limit 1""",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, offset);
	}

	MockHttpServletRequestBuilder recordForm(String targetCode, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("targetCode", targetCode);
		fields.put("type", "CASE");
		fields.put("inspectionDate", LocalDate.now().minusDays(2).toString());
		fields.put("categoryCode", "NO_PROBLEM");
		fields.put("note", "经营场所与登记住所不一致。");
		fields.put("basis", "12315-2026-演示-0042");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/results/other").with(as("scjg-officer1")).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	long audited(String action, long id) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and object_type = "
				+ "'nonRandomInspection' and object_id = ?", Long.class, action, String.valueOf(id));
	}

	@Test
	void anOfficerRecordsAManagerPublishesAndTheEntityPageShowsItWithItsTypeNeverAsDrawn() throws Exception {
		String[] target = freshTarget(0);
		long drawnBefore = this.jdbc.queryForObject("select count(*) from inspection_result", Long.class);
		String location = this.mvc.perform(recordForm(target[1])).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/results/other/").endsWith("?saved");
		long id = Long.parseLong(location.substring("/results/other/".length(), location.indexOf('?')));
		assertThat(audited("nonRandom.create", id)).isEqualTo(1);

		// a draft: on the department's list, never public
		assertThat(page(get("/results/other").with(as("scjg-officer1")))).contains("12315-2026-演示-0042").contains("未公示");
		String draftPage = page(get("/public/entities/" + target[0]));
		assertThat(draftPage).doesNotContain("entity-other-results").doesNotContain("个案（投诉举报、转办）");

		// another department: 403 on the page and on publishing; the officer who recorded it cannot publish
		// ds-officer is the demo account outside SCJG; the route matrix (same context) may have reset its password
		String flag = "select must_change_password from user_account where username = 'ds-officer'";
		boolean mustChange = this.jdbc.queryForObject(flag, Boolean.class);
		this.jdbc.update("update user_account set must_change_password = false where username = 'ds-officer'");
		try {
			assertThat(status(get("/results/other/" + id).with(as("ds-officer")))).isEqualTo(403);
			assertThat(status(post("/results/other/" + id + "/publish").with(as("ds-officer")).with(csrf()))).isEqualTo(403);
			assertThat(page(get("/results/other").with(as("ds-officer")))).doesNotContain("12315-2026-演示-0042");
		}
		finally {
			this.jdbc.update("update user_account set must_change_password = ? where username = 'ds-officer'", mustChange);
		}
		assertThat(status(post("/results/other/" + id + "/publish").with(as("wsjk-manager")).with(csrf()))).isEqualTo(403);
		assertThat(status(post("/results/other/" + id + "/publish").with(as("scjg-officer1")).with(csrf()))).isEqualTo(403);
		assertThat(page(get("/results/other/" + id).with(as("scjg-manager")))).contains("id=\"non-random-publish\"");

		assertThat(this.mvc.perform(post("/results/other/" + id + "/publish").with(as("scjg-manager")).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/results/other/" + id);
		assertThat(audited("nonRandom.publish", id)).isEqualTo(1);
		assertThat(page(get("/results/other/" + id).with(as("scjg-manager")))).contains("已公示").doesNotContain("non-random-publish");

		String entity = page(get("/public/entities/" + target[0]));
		assertThat(entity).contains("id=\"entity-other-results\"").contains("其他检查结果信息（非随机抽查）")
			.contains("个案（投诉举报、转办）");
		// not drawn: the drawn-results table stays absent for this target, and no drawn result was created
		assertThat(entity).doesNotContain("id=\"entity-results\"");
		assertThat(this.jdbc.queryForObject("select count(*) from inspection_result", Long.class)).isEqualTo(drawnBefore);
		// nothing personal in public: neither the basis nor who recorded it
		assertThat(entity).doesNotContain("12315-2026-演示-0042").doesNotContain("scjg-officer1");

		// published once only: a second publish is refused with its reason and audited nothing more
		this.mvc.perform(post("/results/other/" + id + "/publish").with(as("bureau")).with(csrf()));
		assertThat(audited("nonRandom.publish", id)).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedAtItsFieldInChineseAndNothingIsRecorded() throws Exception {
		String[] target = freshTarget(1);
		long before = this.jdbc.queryForObject("select count(*) from non_random_inspection", Long.class);
		assertThat(page(recordForm(target[1], "basis", " "))).contains("请填写检查依据");
		assertThat(page(recordForm("NO-SUCH-TARGET"))).contains("名录库中没有代码为“NO-SUCH-TARGET”的检查对象");
		assertThat(page(recordForm(target[1], "inspectionDate", LocalDate.now().plusDays(3).toString())))
			.contains("检查日期不能晚于今天");
		assertThat(page(recordForm(target[1], "inspectionDate", "2026-13-45"))).contains("格式不正确");
		assertThat(page(recordForm(target[1], "type", "RANDOM"))).contains("格式不正确");
		assertThat(page(recordForm(target[1], "categoryCode", "MADE_UP"))).contains("不在现行检查结果目录中");
		assertThat(page(recordForm(target[1], "itemCodes", "NOT-AN-ITEM")))
			.contains("检查事项 NOT-AN-ITEM 不在本部门已公布的抽查事项清单中");
		assertThat(this.jdbc.queryForObject("select count(*) from non_random_inspection", Long.class)).isEqualTo(before);
	}

	@Test
	void theDemoSpecialCampaignIsPublishedBesideTheDrawnResultOfItsTarget() throws Exception {
		long targetId = this.jdbc.queryForObject("""
				select n.target_id from non_random_inspection n join department d on d.id = n.department_id
				where d.code = 'SCJG' and n.type = 'SPECIAL_CAMPAIGN' and n.published_at is not null order by n.id limit 1""",
				Long.class);
		String entity = page(get("/public/entities/" + targetId));
		assertThat(entity).contains("id=\"entity-results\"").contains("id=\"entity-other-results\"").contains("专项检查");
	}

}
