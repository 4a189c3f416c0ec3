package org.doublerandom.inspection.disclosure.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.sql.Timestamp;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public item lists and the entity lookup on the demo data, signed out. */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.disclosure.search-rate.requests-per-minute=1000" })
@AutoConfigureMockMvc
class PublicPortalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String page(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theItemListsShowPublishedItemsOnlyFilteredByDepartment() throws Exception {
		Long draft = this.jdbc.queryForObject("select id from item_list where status = 'DRAFT' order by id limit 1", Long.class);
		this.jdbc.update("insert into inspection_item (item_list_id, code, name, legal_basis, inspecting_department, category) "
				+ "values (?, 'DRAFT-ONLY-1', '草稿里的事项XYZ', '依据', '部门', 'GENERAL')", draft);
		String published = this.jdbc.queryForObject(
				"select i.name from inspection_item i join item_list l on l.id = i.item_list_id where l.status = 'PUBLISHED' "
						+ "and not l.joint order by l.department_id, i.sort_order, i.code limit 1", String.class);
		Long department = this.jdbc.queryForObject(
				"select l.department_id from inspection_item i join item_list l on l.id = i.item_list_id "
						+ "where l.status = 'PUBLISHED' and i.name = ? limit 1", Long.class, published);
		String all = page("/public/items?all=true");
		assertThat(all).contains(published).doesNotContain("草稿里的事项XYZ").contains("id=\"print-page\"");
		String one = page("/public/items?department={d}", department);
		assertThat(one).contains(published).contains("id=\"items-count\"");
		String other = this.jdbc.queryForObject("select i.name from inspection_item i join item_list l on l.id = i.item_list_id "
				+ "where l.status = 'PUBLISHED' and l.department_id <> ? and i.name not in (select i2.name from inspection_item i2 "
				+ "join item_list l2 on l2.id = i2.item_list_id where l2.department_id = ?) limit 1", String.class, department,
				department);
		assertThat(one).doesNotContain(other);
		assertThat(page("/public/items?page=999")).contains("暂无公布的抽查事项");
	}

	@Test
	void theLookupFindsAnEntityByNameOrCreditCodeButNeverANaturalPerson() throws Exception {
		Instant now = Instant.now();
		this.jdbc.update("insert into target (kind, code_type, code, name, region_code, address, status, created_at, updated_at) "
				+ "values ('SPECIFIC_PERSON', 'OTHER', '150602199001011234', '张特定人员甲', '150602', '康巴什区某小区1号楼', 'ACTIVE', ?, ?)",
				Timestamp.from(now), Timestamp.from(now));
		var target = this.jdbc.queryForMap("select id, name, code from target where code_type = 'USCC' "
				+ "and kind = 'ENTERPRISE' order by id limit 1");
		String name = (String) target.get("name");
		String code = (String) target.get("code");
		String byName = page("/public/entities?q={q}", name.substring(name.length() - 4));
		assertThat(byName).contains("/public/entities/" + target.get("id"));
		String byCode = page("/public/entities?q={q}", code.substring(0, 12).toLowerCase());
		assertThat(byCode).contains(code);
		assertThat(page("/public/entities?q={q}", "特定人员")).doesNotContain("张特定人员甲").contains("没有找到");
		assertThat(page("/public/entities?q={q}", "150602199001")).doesNotContain("张特定人员甲");
		Long person = this.jdbc.queryForObject("select id from target where name = '张特定人员甲'", Long.class);
		this.mvc.perform(get("/public/entities/{id}", person)).andExpect(status().isNotFound());
		this.mvc.perform(get("/public/entities/{id}", "150602199001011234")).andExpect(status().isNotFound());
		assertThat(page("/public/entities?q={q}", "a")).contains("请至少输入两个字").contains("is-invalid");
		String entity = page("/public/entities/{code}", code);
		assertThat(entity).contains(name).contains(code).doesNotContain("id=\"entity-results\"");
	}

	@Test
	void anEntityDrawnInAPublishedDrawSeesItsStratumRankAndCutoff() throws Exception {
		var selected = this.jdbc.queryForMap("""
				select p.registry_id, s.stratum, s.rank, s.draw_id from draw_selected s
				join draw_pool p on p.draw_id = s.draw_id and p.target_id = s.target_id
				join target t on t.id = p.registry_id
				where not s.reserve and t.kind <> 'SPECIFIC_PERSON' and t.code_type = 'USCC' order by s.draw_id, s.position limit 1""");
		String cutoff = this.jdbc.queryForObject("select rank from draw_selected where draw_id = ? and stratum = ? and not reserve "
				+ "order by position desc limit 1", String.class, selected.get("draw_id"), selected.get("stratum"));
		String stratum = (String) selected.get("stratum");
		String region = this.jdbc.queryForObject("select name from region where code = ?", String.class,
				stratum.substring(stratum.indexOf('/') + 1));
		String page = page("/public/entities/{id}", selected.get("registry_id"));
		assertThat(page).contains("id=\"entity-draw-table\"").contains("<span>" + stratum.substring(0, stratum.indexOf('/')) + " / </span><span>" + region + "</span>")
			.contains((String) selected.get("rank")).contains(cutoff).contains("/public/draws/" + selected.get("draw_id"));
		assertThat(((String) selected.get("rank")).compareTo(cutoff)).isLessThanOrEqualTo(0);
	}

}
