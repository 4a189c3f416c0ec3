package org.doublerandom.inspection.target;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any target row — from the form or a line of an import — is valid or refused with violations that name a
 * column of the import template, so the preview can show each error at its row and column.
 */
class TargetRowFuzzTests {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	final TargetRules rules = new TargetRules(Set.of("150602", "150603"), Map.of("62", "H", "52", "F"));

	@FuzzTest(maxDuration = "60s")
	void anyRowIsValidOrRefusedAtANamedColumn(FuzzedDataProvider data) {
		TargetKind kind = data.consumeBoolean() ? data.pickValue(TargetKind.values()) : null;
		String typedCode = data.consumeString(30);
		TargetData target = new TargetData(kind, typedCode, data.consumeString(220), data.consumeString(8),
				data.consumeString(40), data.consumeString(4), data.consumeString(20), date(data), TargetStatus.ACTIVE,
				data.consumeBoolean(), data.consumeBoolean() ? data.pickValue(CreditClass.values()) : null, date(data),
				data.consumeString(20), data.consumeBoolean(), TargetImport.splitTags(data.consumeRemainingAsString()));

		TargetRules.CheckedCode code = this.rules.checkCode(kind, typedCode);
		assertThat(code.code()).isEqualTo(UnifiedSocialCreditCode.normalize(typedCode));
		if (code.violation() == null) {
			assertThat(code.type()).isNotNull();
			if (code.type() == CodeType.USCC) {
				assertThat(UnifiedSocialCreditCode.check(code.code())).isNull();
			}
		}
		else {
			assertThat(code.type()).isNull();
			assertThat(TargetImport.columnOf(code.violation().field())).isIn(TargetImport.COLUMNS);
		}
		assertThat(this.rules.check(target, TODAY))
			.allSatisfy(violation -> assertThat(TargetImport.columnOf(violation.field())).isIn(TargetImport.COLUMNS));
	}

	private static LocalDate date(FuzzedDataProvider data) {
		return data.consumeBoolean() ? null : LocalDate.of(1950, 1, 1).plusDays(data.consumeInt(0, 40_000));
	}

}
