package org.doublerandom.inspection.plan;

import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.target.TargetKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetScopeTests {

	@Test
	void twoScopesMeetInTheIntersectionOfTheirFiltersWhereAnEmptyFilterMeansAny() {
		TargetScope food = new TargetScope(Set.of(TargetKind.ENTERPRISE, TargetKind.INDIVIDUAL_BUSINESS), Set.of(),
				Set.of("H"), Set.of(), null, Set.of("餐饮"), null, false);
		TargetScope ecology = new TargetScope(Set.of(TargetKind.ENTERPRISE), Set.of("150602"), Set.of("H", "C"),
				Set.of(CreditBand.C), null, null, null, true);
		TargetScope both = food.intersect(ecology);
		assertThat(both.kinds()).containsExactly(TargetKind.ENTERPRISE);
		assertThat(both.regionCodes()).containsExactly("150602");
		assertThat(both.industryCodes()).containsExactly("H");
		assertThat(both.creditBands()).containsExactly(CreditBand.C);
		assertThat(both.tags()).containsExactly("餐饮");
		assertThat(both.keySupervisionOnly()).isTrue();
	}

	@Test
	void disjointFiltersShareNoTargets() {
		TargetScope a = new TargetScope(null, null, Set.of("H"), null, null, null, null, false);
		TargetScope b = new TargetScope(null, null, Set.of("C"), null, null, null, null, false);
		assertThat(a.intersect(b)).isNull();
	}

	@Test
	void malformedCodesAreRefusedAtTheirField() {
		assertThatThrownBy(() -> new TargetScope(null, Set.of("15060"), null, null, null, null, null, false))
			.isInstanceOf(DomainException.class)
			.satisfies(ex -> assertThat(((DomainException) ex).field()).isEqualTo("scopeRegions"));
	}

}
