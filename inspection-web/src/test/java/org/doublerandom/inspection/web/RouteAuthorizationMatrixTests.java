package org.doublerandom.inspection.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route of the application, for the anonymous visitor and for each role: allowed, sent to sign-in, or
 * refused with 403. A route added without a line in {@code src/test/resources/routes} fails the test, so
 * nothing is left unlisted.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class RouteAuthorizationMatrixTests {

	static final String ANONYMOUS = "anonymous";

	/** One demo account per role (see DemoData). */
	static final Map<String, String> ROLE_ACCOUNTS = Map.of("OFFICER", "scjg-officer1", "DEPT_MANAGER",
			"scjg-manager", "BUREAU", "bureau", "SYS_ADMIN", "sysadmin", "SECURITY_ADMIN", "secadmin", "AUDIT_ADMIN",
			"auditadmin");

	static final Set<String> EVERYONE = Set.of(ANONYMOUS, "OFFICER", "DEPT_MANAGER", "BUREAU", "SYS_ADMIN",
			"SECURITY_ADMIN", "AUDIT_ADMIN");

	static final Set<String> STAFF = Set.of("OFFICER", "DEPT_MANAGER", "BUREAU", "SYS_ADMIN", "SECURITY_ADMIN",
			"AUDIT_ADMIN");

	static final Set<String> BUSINESS = Set.of("OFFICER", "DEPT_MANAGER", "BUREAU");

	record Route(String method, String path, Set<String> allowed, String idQuery, String parameters,
			boolean outsideScope) {

		String key() {
			return this.method + " " + this.path;
		}

	}

	/** All routes of all features, from {@code src/test/resources/routes/*.routes} (format in the README there). */
	static List<Route> routes() throws IOException {
		List<Route> routes = new ArrayList<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:routes/*.routes");
		assertThat(files).isNotEmpty();
		for (Resource file : files) {
			for (String line : file.getContentAsString(StandardCharsets.UTF_8).lines().toList()) {
				if (line.isBlank() || line.strip().startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\\s*\\|\\s*", -1);
				String[] route = fields[0].strip().split("\\s+", 2);
				routes.add(new Route(route[0], route[1], who(fields[1].strip()),
						(fields.length > 2 && !fields[2].isBlank()) ? fields[2].strip() : null,
						(fields.length > 3 && !fields[3].isBlank()) ? fields[3].strip() : null,
						fields.length > 4 && fields[4].strip().equals("not-found")));
			}
		}
		return routes;
	}

	static Set<String> who(String field) {
		Set<String> result = new TreeSet<>();
		for (String name : field.split(",")) {
			switch (name.strip()) {
				case "EVERYONE" -> result.addAll(EVERYONE);
				case "STAFF" -> result.addAll(STAFF);
				case "BUSINESS" -> result.addAll(BUSINESS);
				default -> {
					assertThat(EVERYONE).as("role name in routes file").contains(name.strip());
					result.add(name.strip());
				}
			}
		}
		return result;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyRouteOfTheApplicationIsListedInTheMatrix() throws IOException {
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.doublerandom.inspection")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					routes.add(method.name() + " " + pattern);
				}
				if (entry.getKey().getMethodsCondition().getMethods().isEmpty()) {
					routes.add("ANY " + pattern);
				}
			}
		}
		assertThat(routes).containsExactlyInAnyOrderElementsOf(
				routes().stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new)));
	}

	@Test
	void eachRoleGetsExactlyTheRoutesTheMatrixAllows() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes()) {
			for (String who : EVERYONE) {
				MvcResult result = this.mvc.perform(requestFor(route, who)).andReturn();
				int status = result.getResponse().getStatus();
				String location = result.getResponse().getRedirectedUrl();
				boolean sentToSignIn = status == 302 && location != null && location.endsWith("/login");
				String outcome = (status == 403) ? "forbidden" : sentToSignIn ? "sign-in"
						: (status == 404) ? "not-found" : (status < 400) ? "allowed" : "status " + status;
				String allowed = route.outsideScope() ? "not-found" : "allowed";
				String expected = route.allowed().contains(who) ? allowed : ANONYMOUS.equals(who) ? "sign-in" : "forbidden";
				if (!outcome.equals(expected)) {
					wrong.add(route.key() + " as " + who + ": expected " + expected + " but " + outcome);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void unknownPathsAreDeniedByDefault() throws Exception {
		assertThat(this.mvc.perform(request(HttpMethod.GET, "/reports")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(this.mvc.perform(request(HttpMethod.GET, "/reports").with(user(this.users.loadUserByUsername("bureau"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void stateChangesWithoutTheCsrfTokenAreRefused() throws Exception {
		var response = this.mvc
			.perform(request(HttpMethod.POST, "/account/password").param("currentPassword", "x")
				.with(user(this.users.loadUserByUsername("scjg-officer1"))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
	}

	private MockHttpServletRequestBuilder requestFor(Route route, String who) {
		String path = route.path().replace("{index}", "0").replace("{token}", "no-such-upload");
		if (route.idQuery() != null) {
			path = path.replace("{id}", String.valueOf(this.jdbc.queryForObject(route.idQuery(), Long.class)));
		}
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(route.method()), path).with(csrf());
		if (!ANONYMOUS.equals(who)) {
			request.with(user(this.users.loadUserByUsername(ROLE_ACCOUNTS.get(who))));
		}
		if (route.parameters() != null) {
			for (String pair : route.parameters().split("&")) {
				String[] nameValue = pair.split("=", 2);
				request.param(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
			}
		}
		return request;
	}

}
