package org.doublerandom.inspection.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tasks on the real schema: a task with its sub-tasks round-trips, a department reads the tasks it leads or
 * takes part in and no others, and the database holds one task per entry and unique numbers.
 */
@DataJpaTest
class TaskMappingTests {

	static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");

	@Autowired
	Tasks tasks;

	@Autowired
	TestEntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	Long scjg;

	Long wsjk;

	Long sthj;

	@BeforeEach
	void departments() {
		this.scjg = this.jdbc.queryForObject("select id from department where code = 'SCJG'", Long.class);
		this.wsjk = this.jdbc.queryForObject("select id from department where code = 'WSJK'", Long.class);
		this.sthj = this.jdbc.queryForObject("select id from department where code = 'STHJ'", Long.class);
	}

	Long entry(String planCode) {
		Long plan = this.jdbc.queryForObject("""
				insert into plan (type, plan_year, owner_department_id, code, name, version_no, state, created_at, created_by,
				                  published_at, published_by)
				values ('JOINT', 2026, ?, ?, '联合计划', 1, 'PUBLISHED', now(), 't', now(), 't') returning id""", Long.class,
				this.scjg, planCode);
		return this.jdbc.queryForObject("""
				insert into plan_entry (plan_id, name, selection, level, period_from, period_to, lead_department_id, methods,
				                        rounding)
				values (?, '餐饮联合检查', 'UNDIRECTED', 'CITY_CITY', date '2026-04-01', date '2026-06-30', ?, 'ON_SITE',
				        'CEILING') returning id""", Long.class, plan, this.scjg);
	}

	Task task(Long entryId, int sequence) {
		Long planId = this.jdbc.queryForObject("select plan_id from plan_entry where id = ?", Long.class, entryId);
		TaskDescription d = new TaskDescription("餐饮联合检查", "联合计划", "全市", "餐饮单位", "食品经营许可；公共场所卫生", "实地检查", null,
				LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
		Task task = new Task(new TaskCode("鄂市监联抽〔2026〕" + sequence + "号", "鄂市监联抽〔2026〕{seq}号", 2026, sequence),
				planId, entryId, true, this.scjg, d, List.of(new SubTask(this.scjg, true, 2, "SCJG-002 食品经营许可检查"),
						new SubTask(this.wsjk, false, 1, "WSJK-001 公共场所卫生监督检查")),
				"bureau", T0);
		Task saved = this.tasks.save(task);
		this.tasks.flush();
		return saved;
	}

	@Test
	void aTaskWithItsSubTasksRoundTripsAndIsReadByTheDepartmentsTakingPart() {
		Task saved = task(entry("LH-T-01"), 1);
		this.entityManager.clear();
		Task loaded = this.tasks.findById(saved.getId()).orElseThrow();
		assertThat(loaded.getSubTasks()).extracting(SubTask::getDepartmentId).containsExactly(this.scjg, this.wsjk);
		assertThat(loaded.getSubTasks().get(1).itemLines()).containsExactly("WSJK-001 公共场所卫生监督检查");
		assertThat(this.tasks.findReadable(saved.getId(), this.wsjk)).isPresent();
		assertThat(this.tasks.findReadable(saved.getId(), this.sthj)).isEmpty();
		assertThat(this.tasks.findReadable(this.sthj, PageRequest.of(0, 10)).getContent()).isEmpty();
		assertThat(this.tasks.findReadable(this.wsjk, PageRequest.of(0, 10)).getContent()).extracting(Task::getId)
			.contains(saved.getId());
		assertThat(this.tasks.countBySeriesAndTaskYear("鄂市监联抽〔2026〕{seq}号", 2026)).isEqualTo(1);
	}

	@Test
	void anEntryHasOneTask() {
		Long entry = entry("LH-T-02");
		task(entry, 7);
		assertThatThrownBy(() -> task(entry, 8)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aNumberIsGivenOnceInItsSeriesAndYear() {
		task(entry("LH-T-03"), 9);
		assertThatThrownBy(() -> task(entry("LH-T-04"), 9)).isInstanceOf(DataIntegrityViolationException.class);
	}

}
