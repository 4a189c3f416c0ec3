package org.doublerandom.inspection.result;

import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonRandomItemsPolicyTests {

	@Test
	void onlyItemsOfTheDepartmentsPublishedListMayBeNamedAndNoneIsAllowed() {
		Map<String, String> published = Map.of("SC-01", "食品经营许可", "SC-02", "明码标价");
		assertThatCode(() -> NonRandomItemsPolicy.check(Set.of(), published)).doesNotThrowAnyException();
		assertThatCode(() -> NonRandomItemsPolicy.check(Set.of("SC-02"), published)).doesNotThrowAnyException();
		assertThatThrownBy(() -> NonRandomItemsPolicy.check(Set.of("SC-02", "WS-09"), published))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("nonRandom.items.unknown");
				assertThat(ex.field()).isEqualTo("itemCodes");
				assertThat(ex.arguments()).containsExactly("WS-09");
			});
	}

}
