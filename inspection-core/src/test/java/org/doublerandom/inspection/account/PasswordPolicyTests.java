package org.doublerandom.inspection.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest(name = "\"{1}\" is refused: {2}")
	@CsvSource({ "zhangsan, Short-1a, password.tooShort", "zhangsan, alllowercaseletters, password.tooSimple",
			"zhangsan, lowercase-with-symbols, password.tooSimple", "zhangsan, Zhangsan-2026-pass, password.containsUsername" })
	void refusesWeakPasswordsWithTheRuleBroken(String username, String password, String reason) {
		assertThat(PasswordPolicy.violation(username, password)).contains(reason);
	}

	@Test
	void acceptsALongPasswordWithThreeCharacterClasses() {
		assertThat(PasswordPolicy.violation("zhangsan", "Ordos-Demo-2026")).isEmpty();
		assertThat(PasswordPolicy.violation("zhangsan", "correct horse battery 9")).isEmpty();
	}

	@Test
	void refusesAbsurdlyLongPasswordsButAcceptsSixtyFourCharacters() {
		assertThat(PasswordPolicy.violation("u", "Aa1-".repeat(16))).isEmpty();
		assertThat(PasswordPolicy.violation("u", "Aa1-".repeat(40))).contains("password.tooLong");
	}

}
