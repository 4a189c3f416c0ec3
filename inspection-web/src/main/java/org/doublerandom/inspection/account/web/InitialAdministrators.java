package org.doublerandom.inspection.account.web;

import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation has no account with a known password. When no system administrator and no security
 * administrator exist, the three administrators of 三员分立 are created with one-time random passwords,
 * printed once to the server log, which must be changed at first sign-in.
 */
@Component
@Order(2)
class InitialAdministrators implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrators.class);

	private final AccountService accounts;

	private final OneTimePasswords passwords;

	InitialAdministrators(AccountService accounts, OneTimePasswords passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.anyHolds(Role.SYS_ADMIN) || this.accounts.anyHolds(Role.SECURITY_ADMIN)) {
			return;
		}
		StringBuilder notice = new StringBuilder();
		create("sysadmin", "系统管理员", Role.SYS_ADMIN, notice);
		create("secadmin", "安全管理员", Role.SECURITY_ADMIN, notice);
		create("auditadmin", "审计管理员", Role.AUDIT_ADMIN, notice);
		if (notice.isEmpty()) {
			LOG.warn("No account holds SYS_ADMIN or SECURITY_ADMIN, and the usernames sysadmin/secadmin/auditadmin "
					+ "are taken: restore an administrator as described in docs/operations.md");
			return;
		}
		LOG.warn("\n\n  New installation: one-time administrator passwords (change at first sign-in):\n{}", notice);
	}

	private void create(String username, String displayName, Role role, StringBuilder notice) {
		if (this.accounts.forSignIn(username).isPresent()) {
			return;
		}
		String password = this.passwords.next();
		this.accounts.provision(username, displayName, null, password, true, role);
		notice.append(String.format("    %-12s %s%n", username, password));
	}

}
