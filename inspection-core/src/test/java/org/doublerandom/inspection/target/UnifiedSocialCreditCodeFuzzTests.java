package org.doublerandom.inspection.target;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Whatever a person types into a code field, the validator answers with a code or a named problem, never with
 * another exception. Runs the stored inputs in {@code UnifiedSocialCreditCodeFuzzTestsInputs/} during every
 * build; {@code JAZZER_FUZZ=1} explores further.
 */
class UnifiedSocialCreditCodeFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void anyTextIsEitherAValidCodeOrANamedProblem(String typed) {
		String normalized = UnifiedSocialCreditCode.normalize(typed);
		UnifiedSocialCreditCode.Problem problem = UnifiedSocialCreditCode.check(normalized);
		if (problem == null) {
			UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of(typed);
			assertThat(code.value()).hasSize(18);
			assertThat(code.value().charAt(17))
				.isEqualTo(UnifiedSocialCreditCode.checkCharacter(code.value().substring(0, 17)));
			assertThat(code.regionCode()).containsOnlyDigits();
		}
		else {
			assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.of(typed))
				.withMessageStartingWith(problem.name());
		}
	}

}
