package org.doublerandom.inspection.disclosure.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The downloads, the API with its OpenAPI description, and the HTTP caching of the public site. */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.disclosure.search-rate.requests-per-minute=1000" })
@AutoConfigureMockMvc
class OpenDataAndCachingTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	MvcResult ok(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars)).andExpect(status().isOk()).andReturn();
	}

	@Test
	void theCsvDownloadHasABomChineseHeadersAndNeutralisedFormulas() throws Exception {
		Long published = this.jdbc.queryForObject("select id from item_list where status = 'PUBLISHED' order by id limit 1", Long.class);
		this.jdbc.update("insert into inspection_item (item_list_id, code, name, legal_basis, inspecting_department, category, sort_order) "
				+ "values (?, 'FORMULA-1', '=HYPERLINK(\"http://x\")', '依据', '部门', 'GENERAL', 999)", published);
		MvcResult csv = ok("/public/data/items.csv");
		byte[] bytes = csv.getResponse().getContentAsByteArray();
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		assertThat(bytes[1]).isEqualTo((byte) 0xBB);
		assertThat(bytes[2]).isEqualTo((byte) 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).contains("部门,部门代码,联合清单").contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("items.csv");
		for (String dataset : OpenData.DATASETS) {
			String body = ok("/public/data/" + dataset + ".csv").getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(body.lines().count()).as(dataset).isGreaterThan(1);
			JsonNode json = JSON.readTree(ok("/public/data/" + dataset + ".json").getResponse().getContentAsByteArray());
			assertThat(json.isArray()).isTrue();
			assertThat(json.size()).as(dataset).isPositive();
			assertThat(json.size()).as(dataset).isEqualTo(
					JSON.readTree(ok("/api/public/" + dataset).getResponse().getContentAsByteArray()).size());
		}
	}

	@Test
	void theJsonRowsCarryIsoTimesAndEnumNames() throws Exception {
		JsonNode item = JSON.readTree(ok("/api/public/items").getResponse().getContentAsByteArray()).get(0);
		assertThat(item.path("publishedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
		assertThat(item.path("category").asString()).isIn("GENERAL", "KEY");
		assertThat(item.path("targetKinds").isArray()).isTrue();
	}

	@Test
	void everyPathTheOpenApiDescriptionDocumentsAnswers() throws Exception {
		JsonNode api = JSON.readTree(ok("/api/public/openapi.json").getResponse().getContentAsByteArray());
		assertThat(api.path("openapi").asString()).startsWith("3.");
		List<String> paths = new ArrayList<>();
		api.path("paths").propertyNames().forEach(paths::add);
		assertThat(paths).contains("/api/public/departments", "/api/public/regions", "/api/public/items", "/api/public/plans", "/api/public/plans/{id}", "/api/public/tasks",
				"/api/public/tasks/{id}", "/api/public/draws", "/api/public/entities", "/api/public/entities/{id}",
				"/api/public/results", "/api/public/results/{id}")
			.allMatch(p -> p.startsWith("/api/public/"));
		Map<String, Object> ids = Map.of(
				"/api/public/plans/{id}", this.jdbc.queryForObject("select id from plan where state = 'PUBLISHED' order by id limit 1", Long.class),
				"/api/public/tasks/{id}", this.jdbc.queryForObject("select id from task order by id limit 1", Long.class),
				"/api/public/entities/{id}", this.jdbc.queryForObject("select code from target where code_type = 'USCC' and kind = 'ENTERPRISE' order by id limit 1", String.class),
				"/api/public/results/{id}", this.jdbc.queryForObject("select id from inspection_result where state = 'PUBLISHED' order by id limit 1", Long.class));
		for (String path : paths) {
			assertThat(api.path("paths").path(path).propertyNames()).as(path).containsOnly("get");
			String url = path.contains("{id}") ? path.replace("{id}", String.valueOf(ids.get(path))) : path;
			var request = get(url);
			if (path.equals("/api/public/entities")) {
				request.param("q", "演示");
			}
			String body = this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(JSON.readTree(body).isContainer()).as(path).isTrue();
		}
		this.mvc.perform(get("/api/public/plans/{id}", 987654321)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/public/entities").param("q", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/public/items")).andExpect(status().isForbidden());
	}

	@Test
	void aConditionalGetOfAPublicPageOrDownloadGets304() throws Exception {
		for (String url : List.of("/public", "/public/items", "/public/plans", "/public/draws", "/public/data/tasks.csv",
				"/api/public/plans")) {
			MvcResult first = ok(url);
			String etag = first.getResponse().getHeader("ETag");
			assertThat(etag).as(url).isNotBlank();
			assertThat(first.getResponse().getHeader("Cache-Control")).as(url).isEqualTo("public, max-age=60");
			this.mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified());
			this.mvc.perform(get(url).header("If-None-Match", "\"other\"")).andExpect(status().isOk());
		}
	}

	@Test
	void signedInStaffGetThePublicPagesUncached() throws Exception {
		MvcResult page = this.mvc.perform(get("/public/items").with(user(this.users.loadUserByUsername("scjg-officer1"))))
			.andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getHeader("Cache-Control")).doesNotContain("public");
	}

}
