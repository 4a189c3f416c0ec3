package org.doublerandom.inspection.result;

import java.util.Set;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 谁检查、谁录入、谁公示. */
class ResultAccessTests {

	static final Long SCJG = 1L;

	static final Long WSJK = 2L;

	static Actor actor(String name, Long department, Role... roles) {
		return new Actor(name, Set.of(roles), department, null);
	}

	@Test
	void eachDepartmentRecordsAndReviewsOnlyItsOwnResultsAndNeverReviewsItsOwnSubmission() {
		Actor officer = actor("o", SCJG, Role.OFFICER);
		Actor manager = actor("m", SCJG, Role.DEPT_MANAGER);
		Actor otherOfficer = actor("w", WSJK, Role.OFFICER);
		Actor bureau = actor("b", SCJG, Role.BUREAU);
		assertThat(ResultAccess.mayRecord(officer, SCJG)).isTrue();
		assertThat(ResultAccess.mayRecord(otherOfficer, SCJG)).isFalse();
		assertThat(ResultAccess.mayRead(otherOfficer, SCJG)).isFalse();
		assertThat(ResultAccess.mayRead(bureau, WSJK)).isTrue();
		assertThat(ResultAccess.mayRecord(bureau, WSJK)).isFalse();
		assertThat(ResultAccess.mayReview(officer, SCJG, "x")).isFalse();
		assertThat(ResultAccess.mayReview(manager, SCJG, "o")).isTrue();
		assertThat(ResultAccess.mayReview(manager, SCJG, "m")).isFalse();
		assertThat(ResultAccess.mayReview(actor("wm", WSJK, Role.DEPT_MANAGER), SCJG, "o")).isFalse();
	}

}
