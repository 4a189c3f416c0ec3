package org.doublerandom.inspection.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStateMachineTests {

	static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");

	static Task task() {
		TaskDescription d = new TaskDescription("餐饮单位联合抽查", "《2026年度部门联合抽查计划》", "东胜区", "餐饮服务单位", "食品经营许可；油烟排放",
				"实地检查", null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
		return new Task(new TaskCode("鄂市监联抽〔2026〕1号", "鄂市监联抽〔2026〕{seq}号", 2026, 1), 1L, 2L, true, 3L, d,
				List.of(new SubTask(3L, true, 2, "A-1 甲"), new SubTask(4L, false, 1, "B-1 乙")), "bureau", T0);
	}

	@Test
	void aTaskMovesOneStateAtATimeFromCreationToClosing() {
		Task task = task();
		assertThat(task.getState()).isEqualTo(TaskState.CREATED);
		task.freezePool(T0);
		task.commit(T0);
		assertThat(task.isDrawn()).isFalse();
		task.recordDraw(42, T0);
		assertThat(task.getTargetCount()).isEqualTo(42);
		task.assign(T0);
		task.dispatch(T0);
		task.start(T0);
		task.resultsDue(T0);
		task.close(T0);
		assertThat(task.getState()).isEqualTo(TaskState.CLOSED);
	}

	@Test
	void aSkippedStepIsRefusedWithTheCurrentAndTheNextState() {
		Task task = task();
		assertThatThrownBy(() -> task.recordDraw(5, T0)).isInstanceOf(DomainException.class)
			.satisfies(ex -> assertThat(((DomainException) ex).arguments()).containsExactly(TaskState.CREATED,
					TaskState.DRAWN));
		assertThatThrownBy(() -> task.dispatch(T0)).isInstanceOf(DomainException.class);
		assertThat(task.getState()).isEqualTo(TaskState.CREATED);
	}

	@Test
	void aVoidedDrawSendsTheTaskBackToThePrecheckButNotOnceTeamsAreAssigned() {
		Task task = task();
		task.freezePool(T0);
		task.commit(T0);
		task.reopenAfterVoid(T0);
		assertThat(task.getState()).isEqualTo(TaskState.CREATED);
		task.freezePool(T0);
		task.commit(T0);
		task.recordDraw(0, T0);
		task.reopenAfterVoid(T0);
		assertThat(task.isDrawn()).isFalse();
		task.freezePool(T0);
		task.commit(T0);
		task.recordDraw(7, T0);
		task.assign(T0);
		assertThatThrownBy(() -> task.reopenAfterVoid(T0)).isInstanceOf(DomainException.class);
		assertThat(task.getState()).isEqualTo(TaskState.ASSIGNED);
	}

	@Test
	void theLeadDepartmentsSubTaskComesFirst() {
		assertThat(task().getSubTasks()).extracting(SubTask::getDepartmentId).containsExactly(3L, 4L);
	}

	@Test
	void theScheduleEndsAfterItStarts() {
		assertThatThrownBy(() -> new TaskDescription("n", "b", null, "t", "c", null, null, LocalDate.of(2026, 5, 1),
				LocalDate.of(2026, 4, 1))).isInstanceOf(DomainException.class).hasMessage("task.refused.scheduleOrder");
	}

}
