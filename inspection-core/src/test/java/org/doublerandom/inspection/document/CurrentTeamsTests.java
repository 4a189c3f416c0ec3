package org.doublerandom.inspection.document;

import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.document.CurrentTeams.Change;
import org.doublerandom.inspection.document.CurrentTeams.Slot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrentTeamsTests {

	static final List<Slot> DRAWN = List.of(new Slot("T-2", "WSJK", 0, "I-W1"), new Slot("T-1", "SCJG", 0, "I-S1"),
			new Slot("T-1", "WSJK", 0, "I-W2"), new Slot("T-2", "SCJG", 0, "I-S2"), new Slot("T-1", "SCJG", 1, "I-S3"));

	@Test
	void withoutReplacementsTheTeamsAreTheDrawnOnesInListOrderAndSlotOrder() {
		Map<String, List<Slot>> teams = CurrentTeams.apply(List.of("T-1", "T-2"), DRAWN, List.of());
		assertThat(teams.keySet()).containsExactly("T-1", "T-2");
		assertThat(teams.get("T-1")).extracting(Slot::inspector).containsExactly("I-S1", "I-S3", "I-W2");
	}

	@Test
	void aReplacedTargetGivesItsPlaceAndItsTeamToItsReplacement() {
		Change replaced = new Change("target", "T-1", "T-9", null, -1,
				List.of(new Slot("T-9", "WSJK", 0, "I-W3"), new Slot("T-9", "SCJG", 0, "I-S4")));
		Map<String, List<Slot>> teams = CurrentTeams.apply(List.of("T-1", "T-2"), DRAWN, List.of(replaced));
		assertThat(teams.keySet()).containsExactly("T-9", "T-2");
		assertThat(teams.get("T-9")).extracting(Slot::inspector).containsExactly("I-S4", "I-W3");
	}

	@Test
	void anUnavailableInspectorsSlotGoesToTheRecordedReplacementAfterAnEarlierTargetReplacement() {
		Change target = new Change("target", "T-2", "T-8", null, -1, List.of(new Slot("T-8", "SCJG", 0, "I-S2")));
		Change inspector = new Change("inspector", "T-8", "I-S5", "SCJG", 0, List.of());
		Map<String, List<Slot>> teams = CurrentTeams.apply(List.of("T-1", "T-2"), DRAWN, List.of(target, inspector));
		assertThat(teams.get("T-8")).extracting(Slot::inspector).containsExactly("I-S5");
		assertThat(teams.get("T-1")).extracting(Slot::inspector).containsExactly("I-S1", "I-S3", "I-W2");
	}

	@Test
	void aReplacementOfATargetNotOnTheListIsRefused() {
		assertThatThrownBy(() -> CurrentTeams.apply(List.of("T-1"), DRAWN, List.of(new Change("target", "T-7", "T-8", null, -1, List.of()))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("T-7");
	}

}
