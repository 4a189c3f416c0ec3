package org.doublerandom.inspection.inspector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void aMobileNumberKeepsOnlyItsPrefixAndLastFourDigits() {
		assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void shortOrMissingNumbersRevealNothing() {
		assertThat(PhoneNumbers.mask("12345")).isEqualTo("*****");
		assertThat(PhoneNumbers.mask(null)).isEmpty();
	}

	@Test
	void onlyMainlandMobileNumbersAreAccepted() {
		assertThat(PhoneNumbers.isValid("13812345678")).isTrue();
		assertThat(PhoneNumbers.isValid("12812345678")).isFalse();
		assertThat(PhoneNumbers.isValid("0477-8581234")).isFalse();
	}

}
