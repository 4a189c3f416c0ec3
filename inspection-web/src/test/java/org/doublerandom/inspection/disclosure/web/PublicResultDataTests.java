package org.doublerandom.inspection.disclosure.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.doublerandom.inspection.target.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 结果公示 and its open data: the notice with its header and paged rows, a result's detail, the streamed
 * downloads and the API — only published results, an unpublished one is "not found" everywhere. Each test runs
 * in a transaction that is rolled back, so the rows it adds stay its own.
 */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.disclosure.search-rate.requests-per-minute=1000" })
@AutoConfigureMockMvc
@Transactional
class PublicResultDataTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String body(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A published result of the demo data, the one its notice rows are added to. */
	Map<String, Object> published() {
		return this.jdbc.queryForMap("""
				select r.id, r.task_id, r.department_id, t.code as task_code, t.name as task_name, p.code as plan_code,
				       p.name as plan_name, d.name as authority, e.selection
				from inspection_result r join task t on t.id = r.task_id join plan p on p.id = t.plan_id
				join plan_entry e on e.id = t.plan_entry_id join department d on d.id = r.department_id
				where r.state = 'PUBLISHED' order by r.id limit 1""");
	}

	/** New targets, each with a result published in the notice of {@code like}, after every other. */
	void publishMore(Map<String, Object> like, int count, String namePrefix) {
		for (int i = 0; i < count; i++) {
			String first17 = "91150602MA0R" + String.format("%05d", i);
			String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
			this.jdbc.update("""
					insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
					values ('ENTERPRISE', 'USCC', ?, ?, '150602', now(), now())""", code, namePrefix + i);
			Long id = this.jdbc.queryForObject("""
					insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date,
					                               category_code, team, deadline, entered_by, entered_at, published_at)
					select r.task_id, r.draw_id, t.id, r.department_id, 'PUBLISHED', r.inspection_date, r.category_code,
					       r.team, r.deadline, r.entered_by, r.entered_at, now() + make_interval(secs => ?)
					from inspection_result r, target t where r.id = ? and t.code = ? returning id""", Long.class, i, like.get("id"),
					code);
			this.jdbc.update("""
					insert into inspection_result_item (result_id, position, item_code, item_name, checked, problems)
					select ?, position, item_code, item_name, checked, problems from inspection_result_item where result_id = ?""",
					id, like.get("id"));
		}
	}

	@Test
	void aNoticeShowsItsHeaderAndItsRowsFiftyAPageInTheOrderOfPublication() throws Exception {
		Map<String, Object> p = published();
		publishMore(p, 60, "分页测试主体");
		long count = this.jdbc.queryForObject("select count(*) from inspection_result where state = 'PUBLISHED' "
				+ "and task_id = ? and department_id = ?", Long.class, p.get("task_id"), p.get("department_id"));
		Document first = Jsoup.parse(body("/public/results/tasks/{id}", p.get("task_id")));
		String notice = "#notice-" + p.get("department_id");
		assertThat(first.select(notice + " .notice-plan").text()).contains((String) p.get("plan_code"), (String) p.get("plan_name"));
		assertThat(first.select(notice + " .notice-task").text()).contains((String) p.get("task_code"));
		assertThat(first.select(notice + " .notice-type").text())
			.isEqualTo("DIRECTED".equals(p.get("selection")) ? "定向抽查" : "不定向抽查");
		assertThat(first.select(notice + " .notice-authority").text()).isEqualTo(p.get("authority"));
		assertThat(first.select(notice + " .notice-count").text()).isEqualTo(String.valueOf(count));
		assertThat(first.select(notice + " tbody tr")).hasSize(50);
		assertThat(first.select(notice + " tbody tr td:first-child").eachText()).startsWith("1", "2").endsWith("50");
		// the last page holds the rest; the 60th added is the last published, so the last row
		int last = (int) ((count - 1) / 50);
		Document end = Jsoup.parse(body("/public/results/tasks/{id}?department={d}&page={p}", p.get("task_id"),
				p.get("department_id"), last));
		assertThat(end.select(notice + " tbody tr")).hasSize((int) (count - last * 50L));
		assertThat(end.select(notice + " tbody tr").last().text()).startsWith(count + " 分页测试主体59");
		assertThat(end.select(notice + " caption").text()).contains("共 " + count + " 户");
		// a row links to its detail, which shows the same 序号's entity and each item
		String href = end.select(notice + " tbody tr").last().select("a").attr("href");
		Document detail = Jsoup.parse(body(href));
		assertThat(detail.select("#public-result-entity").text()).isEqualTo("分页测试主体59");
		assertThat(detail.select("#public-result-items tbody tr")).isNotEmpty();
		assertThat(detail.select("#public-result-position").text()).isEqualTo(String.valueOf(count));
		assertThat(detail.select("#public-result-notice").attr("href")).contains("page=" + last)
			.endsWith("#notice-" + p.get("department_id"));
		// htmx asks for the one notice alone; a page past the end shows the last
		String fragment = this.mvc.perform(get("/public/results/tasks/{id}?department={d}&page=999", p.get("task_id"),
				p.get("department_id")).header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).startsWith("<article").doesNotContain("<html").contains("分页测试主体59");
		this.mvc.perform(get("/public/results/tasks/{id}?department=987654321", p.get("task_id")))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUnpublishedResultIsNotFoundOnThePagesAndInTheApi() throws Exception {
		Long draft = this.jdbc.queryForObject(
				"select id from inspection_result where state <> 'PUBLISHED' order by id limit 1", Long.class);
		this.mvc.perform(get("/public/results/{id}", draft)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/public/results/{id}", draft)).andExpect(status().isNotFound());
		Long unpublishedTask = this.jdbc.queryForObject("""
				select t.id from task t where not exists
				(select 1 from inspection_result r where r.task_id = t.id and r.state = 'PUBLISHED') order by t.id limit 1""",
				Long.class);
		this.mvc.perform(get("/public/results/tasks/{id}", unpublishedTask)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/public/results?task={id}", unpublishedTask)).andExpect(status().isOk());
		JsonNode none = JSON.readTree(body("/api/public/results?task={id}", unpublishedTask));
		assertThat(none.path("results").size()).isZero();
	}

	@Test
	void theResultsCsvHasEveryPublishedResultOnceWithFormulasNeutralised() throws Exception {
		Map<String, Object> p = published();
		publishMore(p, 1, "=HYPERLINK(\"http://x\")");
		long count = this.jdbc.queryForObject("select count(*) from inspection_result where state = 'PUBLISHED'", Long.class);
		MvcResult csv = this.mvc.perform(get("/public/data/results.csv")).andExpect(status().isOk()).andReturn();
		byte[] bytes = csv.getResponse().getContentAsByteArray();
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		List<String> lines = text.lines().toList();
		assertThat(lines.get(0)).contains("结果ID,任务编号,任务名称,计划编号,计划名称,类型（定向/不定向）,部门,市场主体名称");
		assertThat(lines).hasSize((int) count + 1);
		assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").contains((String) p.get("task_code"));
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("results.csv");
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		String english = this.mvc.perform(get("/public/data/results.csv?lang=en")).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english.lines().findFirst().orElseThrow()).contains("Result ID");
	}

	@Test
	void theJsonDownloadsAreTheSameRowsAsTheApiAndTheItemLinesJoinByResultId() throws Exception {
		long count = this.jdbc.queryForObject("select count(*) from inspection_result where state = 'PUBLISHED'", Long.class);
		JsonNode results = JSON.readTree(body("/public/data/results.json"));
		assertThat(results.isArray()).isTrue();
		assertThat(results.size()).isEqualTo((int) count);
		JsonNode first = results.get(0);
		assertThat(first.propertyNames()).containsExactlyElementsOf(OpenResultRows.RESULT_COLUMNS);
		assertThat(first.path("completedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(first.path("selection").asString()).isIn("DIRECTED", "UNDIRECTED");
		long items = this.jdbc.queryForObject("""
				select count(*) from inspection_result_item i join inspection_result r on r.id = i.result_id
				where r.state = 'PUBLISHED'""", Long.class);
		JsonNode lines = JSON.readTree(body("/public/data/result-items.json"));
		assertThat(lines.size()).isEqualTo((int) items);
		assertThat(lines.get(0).propertyNames()).containsExactlyElementsOf(OpenResultRows.ITEM_COLUMNS);
		assertThat(lines.get(0).path("outcome").asString()).isIn("NOT_CHECKED", "NO_PROBLEM", "PROBLEM_FOUND");
		assertThat(body("/public/data/result-items.csv").lines().count()).isEqualTo(items + 1);
		// the API's one result is the download's row with its item lines
		long id = first.path("resultId").asLong();
		JsonNode one = JSON.readTree(body("/api/public/results/{id}", id));
		assertThat(one.path("entityName").asString()).isEqualTo(first.path("entityName").asString());
		assertThat(one.path("result").asString()).isEqualTo(first.path("result").asString());
		int itemsOfOne = this.jdbc.queryForObject("select count(*) from inspection_result_item where result_id = ?",
				Integer.class, id);
		assertThat(one.path("items").size()).isEqualTo(itemsOfOne);
		assertThat(one.toString()).doesNotContain("team").doesNotContain("reviewer").doesNotContain("opinion");
	}

	@Test
	void theApiPagesNewestFirstWithItsFilters() throws Exception {
		Map<String, Object> p = published();
		publishMore(p, 55, "接口测试主体");
		JsonNode page = JSON.readTree(body("/api/public/results"));
		assertThat(page.path("size").asInt()).isEqualTo(50);
		assertThat(page.path("hasNext").asBoolean()).isTrue();
		assertThat(page.path("results").get(0).path("entityName").asString()).isEqualTo("接口测试主体54");
		JsonNode second = JSON.readTree(body("/api/public/results?page=1&task={t}&department={d}", p.get("task_id"),
				p.get("department_id")));
		assertThat(second.path("page").asInt()).isEqualTo(1);
		for (JsonNode r : second.path("results")) {
			assertThat(r.path("taskCode").asString()).isEqualTo(p.get("task_code"));
			assertThat(r.path("department").asString()).isEqualTo(p.get("authority"));
		}
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		JsonNode thisYear = JSON.readTree(body("/api/public/results?year={y}", year));
		assertThat(thisYear.path("results").size()).isEqualTo(50);
		assertThat(JSON.readTree(body("/api/public/results?year=2001")).path("results").size()).isZero();
		this.mvc.perform(get("/api/public/results?year=1900")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/public/results?page=-1")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/public/results?department=abc")).andExpect(status().isBadRequest());
		// an unknown department is refused, as on the other public lists
		this.mvc.perform(get("/api/public/results?department=987654321")).andExpect(status().isBadRequest());
	}

	@Test
	void theStreamedDownloadsAnswerAConditionalGetWith304UntilTheNextPublication() throws Exception {
		for (String url : List.of("/public/data/results.csv", "/public/data/results.json", "/public/data/result-items.csv",
				"/public/data/result-items.json")) {
			MvcResult first = this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
			String etag = first.getResponse().getHeader("ETag");
			assertThat(etag).as(url).isNotBlank();
			assertThat(first.getResponse().getHeader("Last-Modified")).as(url).isNotBlank();
			assertThat(first.getResponse().getHeader("Cache-Control")).as(url).isEqualTo("public, max-age=60");
			this.mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified());
			this.mvc.perform(get(url).header("If-None-Match", "\"other\"")).andExpect(status().isOk());
		}
		String before = this.mvc.perform(get("/public/data/results.csv")).andReturn().getResponse().getHeader("ETag");
		publishMore(published(), 1, "标签测试主体");
		this.mvc.perform(get("/public/data/results.csv").header("If-None-Match", before)).andExpect(status().isOk());
		String page = "/api/public/results";
		String etag = this.mvc.perform(get(page)).andReturn().getResponse().getHeader("ETag");
		this.mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isNotModified());
	}

	@Test
	void theOpenDataPageListsTheResultDownloads() throws Exception {
		Document page = Jsoup.parse(body("/public/data"));
		assertThat(page.select("#download-results-csv").attr("href")).isEqualTo("/public/data/results.csv");
		assertThat(page.select("#download-result-items-json").attr("href")).isEqualTo("/public/data/result-items.json");
		assertThat(page.select("#api-endpoints").text()).contains("/api/public/results/{id}");
	}

}
