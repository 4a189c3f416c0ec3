package org.doublerandom.inspection.account.web;

import java.security.SecureRandom;

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

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final AccountService accounts;

	private final SecureRandom random = new SecureRandom();

	InitialAdministrators(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.anyHolds(Role.SYS_ADMIN) || this.accounts.anyHolds(Role.SECURITY_ADMIN)) {
			return;
		}
		StringBuilder notice = new StringBuilder(
				"\n\n  New installation: one-time administrator passwords (change at first sign-in):\n");
		create("sysadmin", "系统管理员", Role.SYS_ADMIN, notice);
		create("secadmin", "安全管理员", Role.SECURITY_ADMIN, notice);
		create("auditadmin", "审计管理员", Role.AUDIT_ADMIN, notice);
		LOG.warn(notice.toString());
	}

	private void create(String username, String displayName, Role role, StringBuilder notice) {
		if (this.accounts.forSignIn(username).isPresent()) {
			return;
		}
		String password = oneTimePassword();
		this.accounts.provision(username, displayName, null, password, true, role);
		notice.append(String.format("    %-12s %s%n", username, password));
	}

	/** 16 characters from an unambiguous alphabet, with the classes the password policy asks for. */
	String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.append("-").append(this.random.nextInt(10)).toString();
	}

}
