package org.doublerandom.inspection.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * refused with 403. A route added without a line here fails the test, so nothing is left unlisted.
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

	/**
	 * Route → who may use it. Request bodies are chosen so that allowed calls change nothing that other tests
	 * rely on (the one account they touch, ds-officer, gets at most a new one-time password).
	 */
	static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();
	static {
		MATRIX.put("GET /", EVERYONE);
		MATRIX.put("GET /public", EVERYONE);
		MATRIX.put("GET /login", EVERYONE);
		MATRIX.put("GET /home", STAFF);
		MATRIX.put("GET /account/password", STAFF);
		MATRIX.put("POST /account/password", STAFF);
		MATRIX.put("GET /my-department", BUSINESS);
		MATRIX.put("GET /organization/departments", Set.of("OFFICER", "DEPT_MANAGER", "BUREAU", "SYS_ADMIN"));
		MATRIX.put("GET /admin/departments/new", Set.of("SYS_ADMIN"));
		MATRIX.put("POST /admin/departments/new", Set.of("SYS_ADMIN"));
		MATRIX.put("GET /admin/accounts", Set.of("SYS_ADMIN", "SECURITY_ADMIN"));
		MATRIX.put("GET /admin/accounts/new", Set.of("SYS_ADMIN"));
		MATRIX.put("POST /admin/accounts/new", Set.of("SYS_ADMIN"));
		MATRIX.put("POST /admin/accounts/{id}/enabled", Set.of("SYS_ADMIN"));
		MATRIX.put("POST /admin/accounts/{id}/password-reset", Set.of("SYS_ADMIN"));
		MATRIX.put("GET /admin/accounts/{id}/roles", Set.of("SECURITY_ADMIN"));
		MATRIX.put("POST /admin/accounts/{id}/roles", Set.of("SECURITY_ADMIN"));
		MATRIX.put("GET /admin/audit", Set.of("AUDIT_ADMIN"));
		MATRIX.put("GET /vocabulary", BUSINESS);
		MATRIX.put("GET /vocabulary/{id}/edit", Set.of("BUREAU"));
		MATRIX.put("POST /vocabulary/{id}/edit", Set.of("BUREAU"));
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
	void everyRouteOfTheApplicationIsListedInTheMatrix() {
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
		assertThat(routes).containsExactlyInAnyOrderElementsOf(new TreeSet<>(MATRIX.keySet()));
	}

	@Test
	void eachRoleGetsExactlyTheRoutesTheMatrixAllows() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (var route : MATRIX.entrySet()) {
			for (String who : EVERYONE) {
				MvcResult result = this.mvc.perform(requestFor(route.getKey(), who)).andReturn();
				int status = result.getResponse().getStatus();
				String location = result.getResponse().getRedirectedUrl();
				boolean sentToSignIn = status == 302 && location != null && location.endsWith("/login");
				String outcome = (status == 403) ? "forbidden" : sentToSignIn ? "sign-in" : (status < 400) ? "allowed" : "status " + status;
				String expected = route.getValue().contains(who) ? "allowed" : ANONYMOUS.equals(who) ? "sign-in" : "forbidden";
				if (!outcome.equals(expected)) {
					wrong.add(route.getKey() + " as " + who + ": expected " + expected + " but " + outcome);
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

	private MockHttpServletRequestBuilder requestFor(String route, String who) {
		String[] parts = route.split(" ", 2);
		String path = parts[1].replace("{id}", idFor(parts[1]).toString());
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path).with(csrf());
		if (!ANONYMOUS.equals(who)) {
			request.with(user(this.users.loadUserByUsername(ROLE_ACCOUNTS.get(who))));
		}
		// harmless bodies: validation errors, or a no-op change
		if (path.endsWith("/enabled")) {
			request.param("enabled", "true");
		}
		if (path.endsWith("/roles") && parts[0].equals("POST")) {
			request.param("role", "AUDIT_ADMIN").param("granted", "false");
		}
		return request;
	}

	private Long idFor(String pattern) {
		if (pattern.startsWith("/vocabulary")) {
			return this.jdbc.queryForObject("select min(id) from dictionary_entry", Long.class);
		}
		return this.jdbc.queryForObject("select id from user_account where username = 'ds-officer'", Long.class);
	}

}
