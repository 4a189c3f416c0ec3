package org.doublerandom.inspection.demo;

import org.doublerandom.inspection.account.Base32;
import org.doublerandom.inspection.account.SecondFactorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY. The three demo administrators must give a TOTP code like real ones; so that anyone can try them,
 * they are enrolled with one published secret (add it to any authenticator app, or compute the code with
 * {@code oathtool --totp -b SECRET}). Never used outside the embedded demo mode: real administrators enrol
 * their own secret at first sign-in.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(5)
public class DemoSecondFactor implements ApplicationRunner {

	/** Published on purpose, for the demo administrators only: base32 of "ordos-demo-totp-2026". */
	public static final String DEMO_TOTP_SECRET = "N5ZGI33TFVSGK3LPFV2G65DQFUZDAMRW";

	private static final Logger LOG = LoggerFactory.getLogger(DemoSecondFactor.class);

	private final SecondFactorService secondFactor;

	DemoSecondFactor(SecondFactorService secondFactor) {
		this.secondFactor = secondFactor;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DemoData.DemoAccount demo : DemoData.ACCOUNTS) {
			if (demo.roles().stream().anyMatch(role -> role.isAdministrator())) {
				this.secondFactor.provision(demo.username(), Base32.decode(DEMO_TOTP_SECRET));
			}
		}
		LOG.info("\n\n  DEMO ONLY - the demo administrators (sysadmin, secadmin, auditadmin) use the published TOTP "
				+ "secret {}\n  (add it to an authenticator app, or: oathtool --totp -b {})\n", DEMO_TOTP_SECRET,
				DEMO_TOTP_SECRET);
	}

}
