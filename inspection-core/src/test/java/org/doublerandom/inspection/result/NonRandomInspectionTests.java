package org.doublerandom.inspection.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonRandomInspectionTests {

	static final LocalDate ON = LocalDate.of(2026, 3, 2);

	static final Instant AT = Instant.parse("2026-03-03T02:00:00Z");

	static NonRandomEntry entry() {
		return new NonRandomEntry(NonRandomType.CASE, ON, "NO_PROBLEM", Set.of(" SC-01 ", ""), "  ", " 12315-2026-0042 ");
	}

	@Test
	void anEntryIsTrimmedAndDropsBlankItemsAndNotes() {
		NonRandomEntry entry = entry();
		assertThat(entry.basis()).isEqualTo("12315-2026-0042");
		assertThat(entry.note()).isNull();
		assertThat(entry.itemCodes()).containsExactly("SC-01");
	}

	@Test
	void anEntryRefusesWhatIsMissingOrTooLongAtItsField() {
		assertThatThrownBy(() -> new NonRandomEntry(null, ON, "NO_PROBLEM", Set.of(), null, "x"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("type"));
		assertThatThrownBy(() -> new NonRandomEntry(NonRandomType.CASE, null, "NO_PROBLEM", Set.of(), null, "x"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("inspectionDate"));
		assertThatThrownBy(() -> new NonRandomEntry(NonRandomType.CASE, ON, " ", Set.of(), null, "x"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("categoryCode"));
		assertThatThrownBy(() -> new NonRandomEntry(NonRandomType.CASE, ON, "NO_PROBLEM", Set.of(), null, " "))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.messageKey()).isEqualTo("nonRandom.basis.required"));
		assertThatThrownBy(() -> new NonRandomEntry(NonRandomType.CASE, ON, "NO_PROBLEM", Set.of(), null, "x".repeat(201)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.messageKey()).isEqualTo("nonRandom.basis.tooLong"));
		assertThatThrownBy(() -> new NonRandomEntry(NonRandomType.CASE, ON, "NO_PROBLEM", Set.of(), "说".repeat(501), "x"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("note"));
	}

	@Test
	void aRecordedInspectionIsADraftUntilPublishedAndIsPublishedOnlyOnce() {
		NonRandomInspection inspection = new NonRandomInspection(7L, 3L, entry(), "scjg-officer1", AT);
		assertThat(inspection.isPublished()).isFalse();
		assertThat(inspection.getType()).isEqualTo(NonRandomType.CASE);
		inspection.publish("scjg-manager", AT.plusSeconds(60));
		assertThat(inspection.isPublished()).isTrue();
		assertThat(inspection.getPublishedBy()).isEqualTo("scjg-manager");
		assertThatThrownBy(() -> inspection.publish("scjg-manager", AT.plusSeconds(120))).isInstanceOf(DomainException.class)
			.hasMessage("nonRandom.refused.published");
		assertThat(inspection.getPublishedAt()).isEqualTo(AT.plusSeconds(60));
	}

}
