package org.doublerandom.inspection.web.config;

import java.time.Duration;

import org.doublerandom.inspection.account.LockoutRules;
import org.doublerandom.inspection.account.PasswordRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The {@code inspection.security.*} properties of accounts (defaults: 等保 level 3), turned into the core's
 * rules. Documented in docs/operations.md.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecuritySettings {

	@Bean
	PasswordRules passwordRules(@Value("${inspection.security.password.min-length:12}") int minLength,
			@Value("${inspection.security.password.min-character-classes:3}") int classes,
			@Value("${inspection.security.password.history:5}") int history,
			@Value("${inspection.security.password.max-age:90d}") Duration maxAge) {
		return new PasswordRules(minLength, classes, history, maxAge);
	}

	@Bean
	LockoutRules lockoutRules(@Value("${inspection.security.lockout.max-failures:5}") int maxFailures,
			@Value("${inspection.security.lockout.window:15m}") Duration window,
			@Value("${inspection.security.lockout.duration:15m}") Duration duration) {
		return new LockoutRules(maxFailures, window, duration);
	}

	@Bean
	SessionTimeouts sessionTimeouts(@Value("${inspection.security.session.idle-timeout:30m}") Duration staff,
			@Value("${inspection.security.session.administrator-idle-timeout:15m}") Duration administrators) {
		return new SessionTimeouts(staff, administrators);
	}

	/**
	 * The sessions are Spring Session's, in PostgreSQL (migration V18), found by the principal-name index: so
	 * any instance lists and ends any session of a user, and a restart keeps them. Ending one marks it expired
	 * in the database; ConcurrentSessionFilter refuses it at its next request, on whichever instance.
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	/** 登录连接超时自动退出: idle time after which a session ends, shorter for the three administrators. */
	record SessionTimeouts(Duration staff, Duration administrators) {

		SessionTimeouts {
			if (staff.isNegative() || staff.isZero() || administrators.isNegative() || administrators.isZero()) {
				throw new IllegalArgumentException("session idle timeouts must be positive");
			}
		}

		int secondsFor(StaffUser user) {
			return (int) (user.isAdministrator() ? this.administrators : this.staff).toSeconds();
		}

	}

}
