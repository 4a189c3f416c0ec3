package org.doublerandom.inspection.demo;

import java.util.List;

import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.NewDepartment;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A coherent little city for newcomers: accounts for every role in several departments, including a
 * banner-level one. Loaded only in the embedded demo mode, idempotently, and printed at every start.
 * Names are obviously fictitious (演示).
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(1)
class DemoData implements ApplicationRunner {

	/** Shared by every demo account; meets the password policy. Never used outside the demo mode. */
	static final String DEMO_PASSWORD = "Ordos-Demo-2026";

	private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

	record DemoAccount(String username, String displayName, String departmentCode, List<Role> roles) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("bureau", "演示·联合抽查协调员", "SCJG", List.of(Role.BUREAU, Role.DEPT_MANAGER)),
			new DemoAccount("scjg-manager", "演示·市场监管局科长", "SCJG", List.of(Role.DEPT_MANAGER)),
			new DemoAccount("scjg-officer1", "演示·市场监管局检查员甲", "SCJG", List.of(Role.OFFICER)),
			new DemoAccount("scjg-officer2", "演示·市场监管局检查员乙", "SCJG", List.of(Role.OFFICER)),
			new DemoAccount("wsjk-manager", "演示·卫健委科长", "WSJK", List.of(Role.DEPT_MANAGER)),
			new DemoAccount("wsjk-officer", "演示·卫健委检查员", "WSJK", List.of(Role.OFFICER)),
			new DemoAccount("sthj-officer", "演示·生态环境局检查员", "STHJ", List.of(Role.OFFICER)),
			new DemoAccount("ds-officer", "演示·东胜区市场监管局检查员", "DS-SCJG", List.of(Role.OFFICER)),
			new DemoAccount("sysadmin", "演示·系统管理员", null, List.of(Role.SYS_ADMIN)),
			new DemoAccount("secadmin", "演示·安全管理员", null, List.of(Role.SECURITY_ADMIN)),
			new DemoAccount("auditadmin", "演示·审计管理员", null, List.of(Role.AUDIT_ADMIN)));

	private final OrganizationService organization;

	private final AccountService accounts;

	DemoData(OrganizationService organization, AccountService accounts) {
		this.organization = organization;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.organization.departmentByCode("DS-SCJG").isEmpty()) {
			this.organization.provisionDepartment(new NewDepartment("DS-SCJG", "东胜区市场监督管理局",
					"Dongsheng District Administration for Market Regulation", "东胜区市场监管局", "150602", true));
		}
		for (DemoAccount demo : ACCOUNTS) {
			if (this.accounts.forSignIn(demo.username()).isEmpty()) {
				Long departmentId = (demo.departmentCode() != null) ? department(demo.departmentCode()).getId() : null;
				this.accounts.provision(demo.username(), demo.displayName(), departmentId, DEMO_PASSWORD, false,
						demo.roles().toArray(Role[]::new));
			}
		}
		StringBuilder table = new StringBuilder("\n\n  Demo mode (embedded database): sign in at /login with password ")
			.append(DEMO_PASSWORD)
			.append('\n');
		for (DemoAccount demo : ACCOUNTS) {
			table.append(String.format("    %-14s %-28s %s%n", demo.username(), demo.roles(), demo.displayName()));
		}
		LOG.info(table.toString());
	}

	private Department department(String code) {
		return this.organization.departmentByCode(code).orElseThrow(() -> new NotFoundException("department", code));
	}

}
