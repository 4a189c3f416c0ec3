package org.doublerandom.inspection.account.persistence;

import java.time.Duration;
import java.time.Instant;

import org.doublerandom.inspection.account.SignInFailures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure counter behind the lockout, on PostgreSQL: one upsert per failure, windows by time. */
@DataJpaTest
@Import(JdbcSignInFailures.class)
class SignInFailureCountTests {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static final Duration WINDOW = Duration.ofMinutes(15);

	@Autowired
	SignInFailures failures;

	@Autowired
	JdbcTemplate jdbc;

	long accountId;

	@BeforeEach
	void anAccount() {
		this.accountId = this.jdbc.queryForObject("""
				insert into user_account (username, display_name, password_hash, department_id, password_changed_at, created_at)
				values ('counted', '某人', '{bcrypt}$2a$10$abcdefghijklmnopqrstuv', null, now(), now()) returning id
				""", Long.class);
	}

	@Test
	void failuresWithinTheWindowAddUp() {
		assertThat(this.failures.countFailure(this.accountId, NOW, WINDOW)).isEqualTo(1);
		assertThat(this.failures.countFailure(this.accountId, NOW.plusSeconds(60), WINDOW)).isEqualTo(2);
		assertThat(this.failures.countFailure(this.accountId, NOW.plus(Duration.ofMinutes(14)), WINDOW)).isEqualTo(3);
	}

	@Test
	void aFailureAfterTheWindowStartsANewCount() {
		this.failures.countFailure(this.accountId, NOW, WINDOW);
		this.failures.countFailure(this.accountId, NOW.plusSeconds(60), WINDOW);
		assertThat(this.failures.countFailure(this.accountId, NOW.plus(Duration.ofMinutes(16)), WINDOW)).isEqualTo(1);
	}

	@Test
	void aLockLastsUntilItsEndAndClearingLiftsIt() {
		this.failures.countFailure(this.accountId, NOW, WINDOW);
		this.failures.lock(this.accountId, NOW.plus(Duration.ofMinutes(15)));
		assertThat(this.failures.lockedUntil(this.accountId)).contains(NOW.plus(Duration.ofMinutes(15)));
		this.failures.clear(this.accountId);
		assertThat(this.failures.lockedUntil(this.accountId)).isEmpty();
	}

	@Test
	void anAccountThatNeverFailedIsNotLocked() {
		assertThat(this.failures.lockedUntil(this.accountId)).isEmpty();
	}

}
