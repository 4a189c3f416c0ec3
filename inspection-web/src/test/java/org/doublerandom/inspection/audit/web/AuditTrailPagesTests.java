package org.doublerandom.inspection.audit.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.doublerandom.inspection.audit.AuditEntry;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.ChainVerification;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The audit administrator's pages on a real database: search, verification, checkpoints and exports. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class AuditTrailPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor auditadmin() {
		return user(this.users.loadUserByUsername("auditadmin"));
	}

	@SuppressWarnings("unchecked")
	Page<AuditEntry> search(String... params) throws Exception {
		var request = get("/admin/audit").with(auditadmin());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return (Page<AuditEntry>) this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("events");
	}

	@Test
	void signInAndAFailedSignInAreFoundWithWhoRoleDepartmentAndAddress() throws Exception {
		this.mvc.perform(formLogin().user("wsjk-manager").password("Ordos-Demo-2026")).andExpect(redirectedUrl("/home"));
		this.mvc.perform(formLogin().user("wsjk-manager").password("wrong-password")).andExpect(redirectedUrl("/login?error"));

		Page<AuditEntry> found = search("actor", "wsjk-man", "action", "auth.sign");
		AuditEntry success = found.getContent().stream().filter(e -> e.outcome() == AuditOutcome.SUCCESS).findFirst()
			.orElseThrow();
		assertThat(success.actorRoles()).isEqualTo("DEPT_MANAGER");
		assertThat(success.departmentId()).isNotNull();
		assertThat(success.clientAddress()).isEqualTo("127.0.0.1");
		assertThat(success.occurredAt()).isNotNull();
		assertThat(found.getContent()).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE));
		assertThat(search("actor", "wsjk-man", "outcome", "FAILURE").getContent())
			.allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE))
			.isNotEmpty();
		assertThat(search("actor", "wsjk-man", "department", success.departmentId().toString()).getContent())
			.allSatisfy(e -> assertThat(e.departmentId()).isEqualTo(success.departmentId()))
			.isNotEmpty();
		assertThat(search("actor", "wsjk-man", "from", "2000-01-01", "to", "2000-12-31").getContent()).isEmpty();
	}

	@Test
	void aDateThatIsNotADateIsNamedAtItsFieldAndTheSearchRunsWithoutIt() throws Exception {
		this.mvc.perform(formLogin().user("sthj-officer").password("wrong-password")).andExpect(redirectedUrl("/login?error"));
		MvcResult result = this.mvc
			.perform(get("/admin/audit").with(auditadmin()).param("from", "2026-13-45").param("actor", "sthj-officer"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("请输入有效日期（年-月-日）");
		@SuppressWarnings("unchecked")
		Page<AuditEntry> found = (Page<AuditEntry>) result.getModelAndView().getModel().get("events");
		assertThat(found.getContent()).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("sthj-officer"));
		assertThat(search("actor", "sthj-officer", "from", "2099-01-02", "to", "2099-01-01").getContent())
			.as("a range that ends before it starts is left out, not applied").isNotEmpty();
	}

	@Test
	void theVerificationReportsAnIntactChainAndIsItselfRecorded() throws Exception {
		long before = count("select count(*) from audit_event where action = 'audit.verify'");
		MvcResult result = this.mvc.perform(post("/admin/audit/verify").with(csrf()).with(auditadmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("audit/verify"))
			.andReturn();
		ChainVerification verification = (ChainVerification) result.getModelAndView().getModel().get("result");
		assertThat(verification.firstBreak()).isNull();
		assertThat(verification.eventsChecked()).isPositive();
		assertThat(result.getResponse().getContentAsString()).contains("审计链完整");
		assertThat(count("select count(*) from audit_event where action = 'audit.verify' and outcome = 'SUCCESS'"))
			.isEqualTo(before + 1);
	}

	@Test
	void aCheckpointAndTheExportsPassTheOfflineVerifier() throws Exception {
		this.mvc.perform(post("/admin/audit/checkpoints").with(csrf()).with(auditadmin()))
			.andExpect(redirectedUrl("/admin/audit/checkpoints"));
		String checkpoints = this.mvc.perform(get("/admin/audit/checkpoints.jsonl").with(auditadmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String trail = this.mvc.perform(get("/admin/audit/export.jsonl").with(auditadmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// anyone may fetch the public key
		String key = this.mvc.perform(get("/public/audit-key.pem"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(key).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(count("select count(*) from audit_event where action = 'audit.export' and detail = 'chain jsonl'"))
			.isPositive();

		Path dir = Files.createDirectories(Path.of("target", "audit-pages-tests").toAbsolutePath());
		Path trailFile = Files.writeString(dir.resolve("trail.jsonl"), trail);
		Path checkpointFile = Files.writeString(dir.resolve("checkpoints.jsonl"), checkpoints);
		Path keyFile = Files.writeString(dir.resolve("key.pem"), key);
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				Path.of("..", "verifier", "VerifyAudit.java").toAbsolutePath().normalize().toString(),
				trailFile.toString(), checkpointFile.toString(), keyFile.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).startsWith("OK: ");
	}

	@Test
	void theCsvExportNeutralisesFormulaTextAndIsRecorded() throws Exception {
		this.jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_roles, action, outcome, detail)
				values (now(), 'csv-probe', 'OFFICER', 'test.csv', 'SUCCESS', '=HYPERLINK("http://x")')
				""");
		String csv = this.mvc.perform(get("/admin/audit/export.csv").with(auditadmin()).param("actor", "csv-probe"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).contains("序号", "操作人", "哈希");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
		assertThat(count("select count(*) from audit_event where action = 'audit.export' and detail = 'csv actor=csv-probe'"))
			.isPositive();
	}

	long count(String sql) {
		Long n = this.jdbc.queryForObject(sql, Long.class);
		return (n != null) ? n : 0;
	}

}
