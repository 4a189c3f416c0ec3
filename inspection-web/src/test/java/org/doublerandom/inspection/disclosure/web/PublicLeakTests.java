package org.doublerandom.inspection.disclosure.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.target.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 只公开已公布的、不公开个人信息: the demo data plus drafts, an unpublished plan amendment and personal data
 * with recognisable markers; then every public URL — a crawl of the public pages from {@code /public}, every
 * download and API answer, and searches for the markers themselves — is read signed out, and none of the
 * markers may appear in any of them.
 */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.disclosure.search-rate.requests-per-minute=1000" })
@AutoConfigureMockMvc
class PublicLeakTests {

	static final String DRAFT_ITEM = "泄露测试草稿事项甲";

	static final String DRAFT_PLAN = "泄露测试草稿计划乙";

	static final String AMENDMENT = "泄露测试未公布修订丙";

	static final String PERSON_NAME = "泄露测试自然人丁";

	static final String PERSON_ID = "150602198807076613";

	static final String PERSON_PHONE = "13912345678";

	static final String HOME_ADDRESS = "泄露测试幸福小区8号楼";

	static final String OPERATOR_NAME = "泄露测试经营者戊";

	static final String INSPECTOR_PHONE = "13698765432";

	static final String CERTIFICATE = "LEAKCERT0001";

	/** What only staff read of a result: the team, the review opinion, findings and handling, a step's opinion. */
	static final String RESULT_INTERNAL = "泄露测试内部结果己";

	static final Pattern HREF = Pattern.compile("^/(public|api/public)(/.*)?$");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String business;

	void plantSecrets() {
		Timestamp now = Timestamp.from(Instant.now());
		Long draftList = this.jdbc.queryForObject("select id from item_list where status = 'DRAFT' order by id limit 1", Long.class);
		this.jdbc.update("insert into inspection_item (item_list_id, code, name, legal_basis, inspecting_department, category) "
				+ "values (?, 'LEAK-1', ?, '依据', '部门', 'GENERAL')", draftList, DRAFT_ITEM);
		this.jdbc.update("update plan set name = ? where state = 'DRAFT'", DRAFT_PLAN);
		var joint = this.jdbc.queryForMap("select id, plan_year, owner_department_id, code from plan "
				+ "where type = 'JOINT' and state = 'PUBLISHED' order by id limit 1");
		this.jdbc.update("insert into plan (type, plan_year, owner_department_id, code, name, version_no, previous_version_id, "
				+ "amendment_reason, state, created_at, created_by) values ('JOINT', ?, ?, ?, ?, 99, ?, ?, 'DRAFT', ?, 'bureau')",
				joint.get("plan_year"), joint.get("owner_department_id"), joint.get("code"), AMENDMENT + "名称", joint.get("id"),
				AMENDMENT, now);
		this.jdbc.update("insert into target (kind, code_type, code, name, region_code, address, status, created_at, updated_at) "
				+ "values ('SPECIFIC_PERSON', 'OTHER', ?, ?, '150602', ?, 'ACTIVE', ?, ?)", PERSON_ID, PERSON_NAME,
				HOME_ADDRESS + " " + PERSON_PHONE, now, now);
		String first17 = "92150602MA0LEAK01";
		this.business = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
		this.jdbc.update("insert into target (kind, code_type, code, name, region_code, address, registration_authority, status, "
				+ "created_at, updated_at) values ('INDIVIDUAL_BUSINESS', 'USCC', ?, '泄露测试个体商店', '150602', ?, ?, 'ACTIVE', ?, ?)",
				this.business, HOME_ADDRESS + " " + OPERATOR_NAME + " " + PERSON_PHONE, OPERATOR_NAME, now, now);
		this.jdbc.update("update inspector set phone = ?", INSPECTOR_PHONE);
		this.jdbc.update("update inspector_certificate set number = ? || id", CERTIFICATE);
		this.jdbc.update("update inspection_result set team = ?, review_opinion = ?", RESULT_INTERNAL + "检查组",
				RESULT_INTERNAL + "意见");
		this.jdbc.update("update inspection_result_item set problems = ?, handling = ? where checked", RESULT_INTERNAL + "问题",
				RESULT_INTERNAL + "处理");
		this.jdbc.update("update inspection_result_step set opinion = ?", RESULT_INTERNAL + "审核");
		// a published result of the natural person: the notice, downloads and API show a masked name only
		this.jdbc.update("""
				insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date, category_code,
				                               team, deadline, entered_by, entered_at, published_at)
				select r.task_id, r.draw_id, p.id, r.department_id, 'PUBLISHED', r.inspection_date, r.category_code, r.team,
				       r.deadline, r.entered_by, r.entered_at, r.published_at
				from inspection_result r, target p
				where r.state = 'PUBLISHED' and p.code = ? order by r.id limit 1""", PERSON_ID);
	}

	@Test
	void noPublicUrlShowsADraftAnUnpublishedAmendmentOrPersonalData() throws Exception {
		plantSecrets();
		List<String> secrets = List.of(DRAFT_ITEM, DRAFT_PLAN, AMENDMENT, PERSON_NAME, PERSON_ID, PERSON_PHONE, HOME_ADDRESS,
				OPERATOR_NAME, INSPECTOR_PHONE, CERTIFICATE, RESULT_INTERNAL);
		Deque<String> queue = new ArrayDeque<>(List.of("/public", "/public/items?all=true", "/public/data",
				"/api/public/openapi.json", "/public/entities/" + this.business, "/api/public/entities/" + this.business));
		for (String dataset : OpenData.DATASETS) {
			queue.add("/public/data/" + dataset + ".csv");
			queue.add("/public/data/" + dataset + ".json");
			queue.add("/api/public/" + dataset);
		}
		for (String dataset : OpenResultDataController.STREAMED) {
			queue.add("/public/data/" + dataset + ".csv");
			queue.add("/public/data/" + dataset + ".json");
		}
		queue.add("/api/public/results");
		Long personResult = this.jdbc.queryForObject(
				"select r.id from inspection_result r join target t on t.id = r.target_id where t.code = ?", Long.class, PERSON_ID);
		Long personTask = this.jdbc.queryForObject("select task_id from inspection_result where id = ?", Long.class, personResult);
		queue.add("/public/results/" + personResult);
		queue.add("/public/results/tasks/" + personTask);
		queue.add("/api/public/results/" + personResult);
		for (Long id : this.jdbc.queryForList("select id from inspection_result order by id", Long.class)) {
			queue.add("/api/public/results/" + id);
		}
		for (String q : List.of(PERSON_NAME, "泄露测试", PERSON_ID.substring(0, 12), "92150602MA0LEAK", "泄露测试个体")) {
			queue.add("/public/entities?q=" + q);
			queue.add("/api/public/entities?q=" + q);
		}
		Set<String> seen = new LinkedHashSet<>();
		List<String> leaks = new ArrayList<>();
		int pages = 0;
		while (!queue.isEmpty() && seen.size() < 600) {
			String url = queue.poll();
			if (!seen.add(url)) {
				continue;
			}
			MockHttpServletResponse response = this.mvc.perform(get(java.net.URI.create("http://localhost"
					+ url.replace(" ", "%20")))).andReturn().getResponse();
			assertThat(response.getStatus()).as(url).isIn(200, 404);
			if (response.getStatus() == 200) {
				pages++;
			}
			String body = (url.endsWith("/evidence")) ? "" : response.getContentAsString(StandardCharsets.UTF_8);
			if (url.contains("?q=")) {
				// a search shows what the visitor typed; that is theirs, not a leak
				body = body.replace(url.substring(url.indexOf("?q=") + 3), "");
			}
			for (String secret : secrets) {
				if (body.contains(secret)) {
					leaks.add(url + " shows " + secret);
				}
			}
			if (String.valueOf(response.getContentType()).startsWith("text/html")) {
				for (Element link : Jsoup.parse(body).select("a[href]")) {
					String href = link.attr("href").replaceAll("#.*$", "");
					Matcher m = HREF.matcher(href);
					if (m.matches() && !seen.contains(href)) {
						queue.add(href);
					}
				}
			}
		}
		assertThat(leaks).isEmpty();
		// the crawl reached the notices, the draws and an entity
		assertThat(seen).anyMatch(u -> u.matches("/public/plans/\\d+")).anyMatch(u -> u.matches("/public/tasks/\\d+"))
			.anyMatch(u -> u.matches("/public/draws/\\d+")).anyMatch(u -> u.matches("/public/entities/\\d+"));
		assertThat(pages).isGreaterThan(20);
		// the individual business itself is public: its name and credit code, not its address or operator
		String entity = this.mvc.perform(get("/public/entities/{code}", this.business)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(entity).contains("泄露测试个体商店").contains(this.business);
	}

}
