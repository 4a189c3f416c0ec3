package org.doublerandom.inspection.target;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	final TargetRules rules = new TargetRules(Set.of("150602", "150603"), Map.of("62", "H", "52", "F"));

	static TargetData enterprise(String code) {
		return new TargetData(TargetKind.ENTERPRISE, code, "演示餐饮有限公司", "150602", null, "62", null,
				LocalDate.of(2020, 1, 1), TargetStatus.ACTIVE, false, CreditClass.B, LocalDate.of(2026, 1, 1), "信用分类系统",
				false, Set.of("餐饮"));
	}

	@Test
	void aMarketEntityWithAValidCreditCodePasses() {
		var code = this.rules.checkCode(TargetKind.ENTERPRISE, "91150602MA0N000012".substring(0, 17)
				+ UnifiedSocialCreditCode.checkCharacter("91150602MA0N00001"));
		assertThat(code.violation()).isNull();
		assertThat(code.type()).isEqualTo(CodeType.USCC);
		assertThat(this.rules.check(enterprise(code.code()), TODAY)).isEmpty();
	}

	@Test
	void aWrongCheckCharacterIsRefusedAndTheExpectedOneNamed() {
		var code = this.rules.checkCode(TargetKind.ENTERPRISE, "91350100M000100Y44");
		assertThat(code.violation().messageKey()).isEqualTo("target.code.CHECK_CHARACTER");
		assertThat(code.violation().arguments()).containsExactly("91350100M000100Y44", "3");
	}

	@Test
	void aLegacyFifteenDigitRegistrationNumberIsAcceptedAndMarked() {
		var code = this.rules.checkCode(TargetKind.INDIVIDUAL_BUSINESS, "150602600123456");
		assertThat(code.violation()).isNull();
		assertThat(code.type()).isEqualTo(CodeType.REGISTRATION_NO);
	}

	@Test
	void aMarketEntityNeedsACreditCodeOrRegistrationNumber() {
		assertThat(this.rules.checkCode(TargetKind.ENTERPRISE, "PRJ-2026-001").violation().messageKey())
			.isEqualTo("target.code.marketEntityShape");
		assertThat(this.rules.checkCode(TargetKind.PROJECT, "PRJ-2026-001").type()).isEqualTo(CodeType.OTHER);
	}

	@Test
	void reportsEveryBrokenRuleAtItsField() {
		TargetData bad = new TargetData(null, "x", " ", "999999", null, "99", null, TODAY.plusDays(1),
				TargetStatus.ACTIVE, false, CreditClass.A, null, null, false, Set.of("x".repeat(31)));
		assertThat(this.rules.check(bad, TODAY)).extracting(Violation::field)
			.containsExactly("kind", "name", "regionCode", "industryDivisionCode", "establishedOn", "creditClassOn",
					"tags");
	}

	@Test
	void derivesTheIndustrySectionFromTheDivision() {
		assertThat(this.rules.sectionOf("62")).isEqualTo("H");
		assertThat(this.rules.sectionOf(null)).isNull();
	}

}
