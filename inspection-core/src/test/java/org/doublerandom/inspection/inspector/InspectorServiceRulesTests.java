package org.doublerandom.inspection.inspector;

import java.time.Instant;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The small text rules of the registry service: search patterns, item codes and the audit's change list. */
class InspectorServiceRulesTests {

	@Test
	void searchTextMatchesAnywhereAndItsWildcardsAreTakenLiterally() {
		assertThat(InspectorService.likePattern(" Wang ")).isEqualTo("%wang%");
		assertThat(InspectorService.likePattern("50%_!")).isEqualTo("%50!%!_!!%");
		assertThat(InspectorService.likePattern("  ")).isEmpty();
	}

	@Test
	void itemCodesAreSplitOnCommasAndSpacesUpperCasedAndDeduplicated() {
		assertThat(InspectorService.itemCodes("scjg-001， SCJG-002、SCJG-001")).containsExactly("SCJG-001", "SCJG-002");
	}

	@Test
	void anItemCodeOfAnotherShapeIsRefusedOnTheCodesField() {
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> InspectorService.itemCodes("食品 001"))
			.satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo("inspector.item.code.invalid");
				assertThat(ex.field()).isEqualTo("codes");
			});
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> InspectorService.itemCodes(" "))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("inspector.item.code.required"));
	}

	@Test
	void theAuditDetailListsEachChangedFieldFromOldToNewWithThePhoneMasked() {
		Inspector inspector = new Inspector(new InspectorDetails("演示·检查员001", InspectorKind.OFFICER, "一科",
				"150600", null, "13812345678", false, null, null, Set.of("食品")), 1L, Instant.EPOCH);
		String before = InspectorService.describe(inspector);
		inspector.apply(new InspectorDetails("演示·检查员001", InspectorKind.OFFICER, "二科", "150600",
				InspectorStatus.ON_LEAVE, "13987654321", false, null, null, Set.of("食品")), Instant.EPOCH);
		String changes = InspectorService.changes(before, InspectorService.describe(inspector));
		assertThat(changes).isEqualTo("unit: 一科 → 二科; status: ACTIVE → ON_LEAVE; phone: 138****5678 → 139****4321");
		assertThat(changes).doesNotContain("13812345678", "13987654321");
	}

	@Test
	void aFormThatSendsNoPhoneKeepsTheNumberOnFileAndClearingRemovesIt() {
		Inspector inspector = new Inspector(new InspectorDetails("演示·检查员002", InspectorKind.OFFICER, null,
				"150600", null, "13812345678", false, null, null, Set.of()), 1L, Instant.EPOCH);
		inspector.apply(new InspectorDetails("演示·检查员002", InspectorKind.OFFICER, null, "150600", null, null, false,
				null, null, Set.of()), Instant.EPOCH);
		assertThat(inspector.getPhone()).isEqualTo("13812345678");
		inspector.apply(new InspectorDetails("演示·检查员002", InspectorKind.OFFICER, null, "150600", null, null, true,
				null, null, Set.of()), Instant.EPOCH);
		assertThat(inspector.getPhone()).isNull();
	}

}
