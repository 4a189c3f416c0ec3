package org.doublerandom.inspection.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Search and filter parameters (检索条件) of every list, staff and public, whatever their content: the answer is
 * a page or a polite refusal, never a server error, a leaked SQL fragment or markup echoed unescaped. The stored
 * inputs under {@code FilterParameterFuzzTestsInputs/} — SQL-injection and XSS payloads among them — run in every
 * build; {@code JAZZER_FUZZ=1} explores further.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class FilterParameterFuzzTests {

	/** A list, who may read it ({@code null}: anyone), and the parameters it understands. */
	record Listing(String path, String username, List<String> parameters) {
	}

	static final List<Listing> LISTINGS = List.of(
			new Listing("/registry/targets", "scjg-officer1",
					List.of("q", "kind", "region", "section", "credit", "status", "key", "abnormal", "tag", "department",
							"sort", "desc", "page", "size")),
			new Listing("/registry/inspectors", "scjg-manager",
					List.of("q", "kind", "status", "region", "expertise", "certificate", "department", "sort", "dir",
							"page")),
			new Listing("/plans", "bureau", List.of("year", "type", "state", "page")),
			new Listing("/tasks", "scjg-officer1", List.of("page", "year", "state", "department")),
			new Listing("/items", "wsjk-officer", List.of("year", "department", "status", "page")),
			new Listing("/admin/audit", "auditadmin",
					List.of("actor", "action", "objectType", "objectId", "outcome", "from", "to", "department", "page")),
			new Listing("/public/plans", null, List.of("year", "department", "region", "page")),
			new Listing("/public/tasks", null, List.of("year", "department", "region", "page")),
			new Listing("/public/draws", null, List.of("year", "department", "region", "page")),
			new Listing("/public/results", null, List.of("year", "department", "region", "page")),
			new Listing("/public/items", null, List.of("department", "page", "all")),
			new Listing("/public/entities", null, List.of("q", "page")),
			new Listing("/worklist", "scjg-officer1", List.of("scope")),
			new Listing("/oversight/dashboard", "bureau", List.of("year", "department")),
			new Listing("/oversight/assessment", "scjg-manager", List.of("department", "from", "to")));

	/** What attackers send: every filter of every list gets each of these in every build. */
	static final List<String> INJECTIONS = List.of("' or '1'='1", "'; drop table target; --",
			"1 union select password_hash from user_account", "\" onmouseover=\"alert(1)", "<script>alert('x')</script>",
			"<img src=x onerror=alert(1)>", "\u0000", "%_\\", "2147483648", "2026-13-45");

	/** Besides the injections, values people type; the fuzzer mixes them with whatever it invents. */
	static final List<String> PAYLOADS = Stream
		.concat(INJECTIONS.stream(), Stream.of("９", "-1", "99999999999999999999", "1e309", "华润", "A", ""))
		.toList();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyPayloadInEveryFilterOfEveryListIsHarmless() throws Exception {
		for (Listing listing : LISTINGS) {
			for (String parameter : listing.parameters()) {
				for (String payload : INJECTIONS) {
					assertHarmless(listing, Map.of(parameter, payload));
				}
			}
		}
	}

	@FuzzTest(maxDuration = "120s")
	void anyFilterValuesGetAPageOrARefusalButNeverAnErrorOrAnEcho(FuzzedDataProvider data) throws Exception {
		Listing listing = data.pickValue(LISTINGS);
		int count = data.consumeInt(1, listing.parameters().size());
		Map<String, String> sent = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			sent.put(data.pickValue(listing.parameters()),
					data.consumeBoolean() ? data.pickValue(PAYLOADS) : data.consumeString(40));
		}
		assertHarmless(listing, sent);
	}

	private void assertHarmless(Listing listing, Map<String, String> sent) throws Exception {
		MockHttpServletRequestBuilder request = get(listing.path()).accept("text/html");
		if (listing.username() != null) {
			request.with(user(this.users.loadUserByUsername(listing.username())));
		}
		sent.forEach(request::param);
		long targetsBefore = count("target");
		var response = this.mvc.perform(request).andReturn().getResponse();

		assertThat(response.getStatus()).as("%s %s", listing.path(), sent).isLessThan(500);
		String body = response.getContentAsString();
		assertThat(body).as("%s %s", listing.path(), sent)
			.doesNotContainIgnoringCase("SQLState")
			.doesNotContainIgnoringCase("org.postgresql")
			.doesNotContain("Exception");
		for (String value : sent.values()) {
			if (value.length() >= 6 && value.matches("(?s).*<[a-zA-Z/!].*")) {
				assertThat(body).as("echoed unescaped: %s", value).doesNotContain(value);
			}
		}
		assertThat(count("target")).as("a filter changed the registry").isEqualTo(targetsBefore);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
