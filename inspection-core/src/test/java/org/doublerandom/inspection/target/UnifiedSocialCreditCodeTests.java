package org.doublerandom.inspection.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnifiedSocialCreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91110000600037341L", "11100000000013127D" })
	void acceptsPublishedCodesWithTheirCheckCharacter(String code) {
		assertThat(UnifiedSocialCreditCode.check(code)).isNull();
		assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code);
	}

	@Test
	void computesTheCheckCharacterOfGb32100() {
		assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(UnifiedSocialCreditCode.checkCharacter("91110000600037341")).isEqualTo('L');
	}

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource({ "91350100M000100Y44, CHECK_CHARACTER", "91350100M000100Y4, LENGTH", "91350100M000100Y4300, LENGTH",
			"91350100M00O100Y43, CHARACTER", "91350100I000100Y43, CHARACTER", "913A0100M000100Y43, REGION" })
	void refusesWrongCodesAndSaysWhy(String code, UnifiedSocialCreditCode.Problem problem) {
		assertThat(UnifiedSocialCreditCode.check(code)).isEqualTo(problem);
		assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedSocialCreditCode(code));
	}

	@Test
	void normalisesWhatAPersonTyped() {
		assertThat(UnifiedSocialCreditCode.of("  91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
		assertThat(UnifiedSocialCreditCode.of("91350100M000100Y43").regionCode()).isEqualTo("350100");
	}

	@Test
	void everySeventeenCharacterPrefixHasExactlyOneValidCode() {
		String prefix = "91150602MA0N0000";
		for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
			String first17 = prefix + c;
			long valid = UnifiedSocialCreditCode.ALPHABET.chars()
				.filter(check -> UnifiedSocialCreditCode.check(first17 + (char) check) == null)
				.count();
			assertThat(valid).isEqualTo(1);
		}
	}

}
