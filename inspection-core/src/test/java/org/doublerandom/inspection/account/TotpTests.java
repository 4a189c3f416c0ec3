package org.doublerandom.inspection.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 seed of RFC 6238, appendix B. */
	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "at {0} s the code is {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void computesTheEightDigitCodesOfRfc6238AppendixB(long epochSecond, String expected) {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
		assertThat(Totp.code(RFC_SECRET, Totp.step(clock.instant()), 8)).isEqualTo(expected);
	}

	@Test
	void authenticatorAppsShowTheLastSixDigits() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);
		assertThat(Totp.code(RFC_SECRET, Totp.step(clock.instant()))).isEqualTo("287082");
	}

	@Test
	void acceptsTheCodeOfTheStepBeforeOrAfterForClocksALittleApart() {
		Instant now = Instant.ofEpochSecond(1_111_111_111);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
	}

	@Test
	void aCodeIsGoodOnlyOnce() {
		Instant now = Instant.ofEpochSecond(1_111_111_111);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SECRET, step);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now, step - 1)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now, step)).isEmpty();
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.matchingStep(RFC_SECRET, "94287082", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "28708x", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "287 082", now, 0)).hasValue(1);
	}

	@Test
	void theUriNamesTheSecretInBase32AndTheParametersAppsExpect() {
		assertThat(Totp.uri("鄂尔多斯双随机", "sysadmin", RFC_SECRET))
			.startsWith("otpauth://totp/%E9%84%82")
			.contains(":sysadmin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=")
			.endsWith("&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void base32RoundTripsAndAcceptsWhatPeopleType() {
		assertThat(Base32.encode(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
		assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(Base32.decode("MZXW6YQ=")).isEqualTo("foob".getBytes(StandardCharsets.US_ASCII));
		assertThat(Base32.grouped(RFC_SECRET)).isEqualTo("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
	}

}
