package org.doublerandom.inspection.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	final PasswordPolicy policy = new PasswordPolicy(PasswordRules.DEFAULTS, CommonPasswords.bundled());

	@ParameterizedTest(name = "\"{1}\" is refused: {2}")
	@CsvSource({ "zhangsan, Short-1a, password.tooShort", "zhangsan, alllowercaseletters, password.tooSimple",
			"zhangsan, lowercase-with-symbols, password.tooSimple", "zhangsan, Zhangsan-2026-pass, password.containsUsername" })
	void refusesWeakPasswordsWithTheRuleBroken(String username, String password, String reason) {
		assertThat(this.policy.violation(username, password)).contains(reason);
	}

	@Test
	void acceptsALongPasswordWithThreeCharacterClasses() {
		assertThat(this.policy.violation("zhangsan", "Ordos-Demo-2026")).isEmpty();
		assertThat(this.policy.violation("zhangsan", "correct horse battery 9")).isEmpty();
	}

	@Test
	void refusesAbsurdlyLongPasswordsButAcceptsSixtyFourCharacters() {
		assertThat(this.policy.violation("u", "Aa1-".repeat(16))).isEmpty();
		assertThat(this.policy.violation("u", "Aa1-".repeat(40))).contains("password.tooLong");
	}

	@ParameterizedTest(name = "\"{0}\" is a common password")
	@ValueSource(strings = { "Password123!", "P@ssw0rd2026!", "!!Qwertyuiop123", "Iloveyou2026##", "Football#1234",
			"Sunshine-2026", "1234567890Aa!", "Dragon!!20262026" })
	void refusesCommonPasswordsAndTheirSimpleVariants(String password) {
		assertThat(this.policy.violation("zhangsan", password)).contains("password.common");
	}

	@Test
	void theMinimumLengthAndCharacterClassesAreConfigurable() {
		PasswordPolicy strict = new PasswordPolicy(new PasswordRules(16, 4, 5, Duration.ofDays(90)),
				CommonPasswords.bundled());
		assertThat(strict.violation("zhangsan", "Ordos-Demo-2026")).contains("password.tooShort");
		assertThat(strict.violation("zhangsan", "Ordos-Demo-Year-2026")).isEmpty();
		assertThat(strict.violation("zhangsan", "ordos-demo-year-2026")).contains("password.tooSimple");

		PasswordPolicy lenient = new PasswordPolicy(new PasswordRules(12, 2, 5, Duration.ZERO),
				CommonPasswords.bundled());
		assertThat(lenient.violation("zhangsan", "ordos-demo-year")).isEmpty();
	}

	@Test
	void rulesBelowTheFloorAreRefusedAtStartNotSilentlyUsed() {
		assertThatThrownBy(() -> new PasswordRules(6, 3, 5, Duration.ofDays(90)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PasswordRules(12, 5, 5, Duration.ofDays(90)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PasswordRules(12, 3, 0, Duration.ofDays(90)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
