package org.doublerandom.inspection.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTests {

	@Test
	void theBundledListHoldsTenThousandCommonPasswords() {
		assertThat(CommonPasswords.bundled().size()).isEqualTo(10_000);
	}

	@Test
	void matchesWhateverTheCase() {
		assertThat(CommonPasswords.bundled().contains("PASSWORD")).isTrue();
		assertThat(CommonPasswords.bundled().contains("QwErTy")).isTrue();
	}

	@Test
	void matchesWithDigitsAndSymbolsAroundAndLettersSubstituted() {
		assertThat(CommonPasswords.bundled().contains("Password123!")).isTrue();
		assertThat(CommonPasswords.bundled().contains("2026@Monkey")).isTrue();
		assertThat(CommonPasswords.bundled().contains("P@$$w0rd")).isTrue();
		assertThat(CommonPasswords.bundled().contains("Sh@d0w-99")).isTrue();
	}

	@Test
	void leavesUncommonPasswordsAlone() {
		assertThat(CommonPasswords.bundled().contains("Ordos-Demo-2026")).isFalse();
		assertThat(CommonPasswords.bundled().contains("Xk9#mQ2vL7pR")).isFalse();
		assertThat(CommonPasswords.bundled().contains("correct horse battery staple 7")).isFalse();
	}

	@Test
	void anExpiredPasswordIsOneOlderThanTheMaximumAge() {
		UserAccount account = new UserAccount("zhangsan", "张三", "{noop}x", null, false,
				Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(account.passwordExpired(Instant.parse("2026-03-31T00:00:00Z"), Duration.ofDays(90))).isFalse();
		assertThat(account.passwordExpired(Instant.parse("2026-04-02T00:00:00Z"), Duration.ofDays(90))).isTrue();
		assertThat(account.passwordExpired(Instant.parse("2036-01-01T00:00:00Z"), Duration.ZERO)).isFalse();
	}

}
