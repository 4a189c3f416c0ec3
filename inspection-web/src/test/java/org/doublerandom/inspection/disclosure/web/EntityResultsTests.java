package org.doublerandom.inspection.disclosure.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The entity page's 抽查检查结果信息: the published results of the entity, and nothing unpublished. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class EntityResultsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEntityPageListsItsPublishedResultsWithAuthorityTypeDateAndResult() throws Exception {
		Map<String, Object> published = this.jdbc.queryForMap("""
				select r.id, r.target_id, d.name as authority, r.inspection_date, c.name_zh as category
				from inspection_result r join department d on d.id = r.department_id
				join dictionary_entry c on c.code = r.category_code and c.dictionary = 'RESULT_CATEGORY'
				where r.state = 'PUBLISHED' order by r.id limit 1""");
		String page = this.mvc.perform(get("/public/entities/{id}", published.get("target_id")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("entity-results", (String) published.get("authority"), (String) published.get("category"),
				published.get("inspection_date").toString(), "/public/results/" + published.get("id"));
	}

	@Test
	void aResultNotYetPublishedDoesNotAppearOnTheEntityPage() throws Exception {
		Map<String, Object> draft = this.jdbc.queryForMap("""
				select r.target_id from inspection_result r where r.state <> 'PUBLISHED'
				and not exists (select 1 from inspection_result p where p.target_id = r.target_id and p.state = 'PUBLISHED')
				order by r.id limit 1""");
		String page = this.mvc.perform(get("/public/entities/{id}", draft.get("target_id")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("entity-results");
	}

}
