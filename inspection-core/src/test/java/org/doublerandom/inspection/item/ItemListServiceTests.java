package org.doublerandom.inspection.item;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.doublerandom.inspection.audit.AuditEvent;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.audit.RecordingAuditEvents;
import org.doublerandom.inspection.calendar.SeededCalendar;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.doublerandom.inspection.item.Items.item;
import static org.doublerandom.inspection.item.Items.rules;

/** Who may do what with which list, each rule named; run on in-memory ports. */
class ItemListServiceTests {

	static final long SCJG = 1L;

	static final long WSJK = 9L;

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final Actor SYSTEM = Actor.system();

	static final Actor SCJG_OFFICER = new Actor("scjg-officer1", Set.of(Role.OFFICER), SCJG, null);

	static final Actor SCJG_MANAGER = new Actor("scjg-manager", Set.of(Role.DEPT_MANAGER), SCJG, null);

	static final Actor BUREAU = new Actor("bureau", Set.of(Role.BUREAU, Role.DEPT_MANAGER), SCJG, null);

	static final Actor WSJK_MANAGER = new Actor("wsjk-manager", Set.of(Role.DEPT_MANAGER), WSJK, null);

	static final Actor WSJK_OFFICER = new Actor("wsjk-officer", Set.of(Role.OFFICER), WSJK, null);

	static final Actor SYS_ADMIN = new Actor("sysadmin", Set.of(Role.SYS_ADMIN), null, null);

	final FakeItemLists lists = new FakeItemLists();

	final List<AuditEvent> events = new ArrayList<>();

	final AtomicReference<Actor> actor = new AtomicReference<>(SYSTEM);

	// Monday 2 March 2026, 09:00 Beijing time
	final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));

	ItemListService service;

	Long scjgPublished;

	@BeforeEach
	void setUp() {
		SeededCalendar calendar = new SeededCalendar();
		AuditTrail audit = new AuditTrail(new RecordingAuditEvents(this.events), this.actor::get, this.clock);
		this.service = new ItemListService(this.lists, this.lists.items(), new TwoDepartments(),
				new WorkingDays(calendar, calendar, this.clock), this.actor::get, audit, this.clock);
		this.scjgPublished = this.service
			.provisionPublished(SCJG, false, "首次编制", rules(), List.of(item("SCJG-001", "企业公示信息情况检查")))
			.getId();
		this.events.clear();
	}

	void as(Actor who) {
		this.actor.set(who);
	}

	@Test
	void anOfficerStartsAndEditsTheDraftOfTheirOwnDepartment() {
		as(SCJG_OFFICER);
		ItemList draft = this.service.startDraft(false, "法规修订");
		assertThat(draft.getVersionNo()).isEqualTo(2);
		assertThat(draft.getItems()).extracting(InspectionItem::getCode).containsExactly("SCJG-001");
		InspectionItem added = this.service.addItem(draft.getId(), item("SCJG-002", "食品经营许可检查"));
		this.service.changeItem(added.getId(), item("SCJG-002", "食品经营许可情况检查"));
		this.service.reviseRules(draft.getId(), new WorkRules("随机抽取", "流程", "审批", "公示", "归档"));
		assertThat(this.service.list(draft.getId()).getItems()).extracting(InspectionItem::getName)
			.contains("食品经营许可情况检查");
		assertThat(this.events).extracting(AuditEvent::getAction)
			.containsExactly("item.list.start", "item.add", "item.change", "item.rules.revise");
		assertThat(this.events).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("scjg-officer1"));
	}

	@Test
	void anOfficerMayNotPublish() {
		as(SCJG_OFFICER);
		ItemList draft = this.service.startDraft(false, "法规修订");
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.service.publish(draft.getId()));
		assertThat(this.service.mayPublish(draft)).isFalse();
		assertThat(this.service.mayEdit(draft)).isTrue();
	}

	@Test
	void publishingSupersedesThePreviousVersionWhichStaysReadable() {
		as(SCJG_MANAGER);
		ItemList draft = this.service.startDraft(false, "法规修订");
		this.service.publish(draft.getId());
		assertThat(this.service.list(draft.getId()).getStatus()).isEqualTo(ItemListStatus.PUBLISHED);
		ItemList previous = this.service.list(this.scjgPublished);
		assertThat(previous.getStatus()).isEqualTo(ItemListStatus.SUPERSEDED);
		assertThat(previous.getItems()).hasSize(1);
		assertThat(this.service.versions(previous)).extracting(ItemList::getVersionNo).containsExactly(2, 1);
		assertThat(this.events).extracting(AuditEvent::getAction)
			.containsExactly("item.list.start", "item.list.supersede", "item.list.publish");
	}

	@Test
	void aSecondDraftIsRefused() {
		as(SCJG_OFFICER);
		this.service.startDraft(false, "法规修订");
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> this.service.startDraft(false, "又一次"))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("item.list.refused.draftExists"));
	}

	@Test
	void onlyADraftIsEditedThroughTheService() {
		as(SCJG_OFFICER);
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.service.addItem(this.scjgPublished, item("X", "新")))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("item.list.refused.notDraft"));
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.service.draftForEditing(this.scjgPublished))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("item.list.refused.notDraft"));
	}

	@Test
	void anotherDepartmentNeitherSeesNorChangesADraft() {
		as(SCJG_OFFICER);
		ItemList draft = this.service.startDraft(false, "法规修订");
		Long itemId = draft.getItems().get(0).getId();
		as(WSJK_MANAGER);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.service.list(draft.getId()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.service.addItem(draft.getId(), item("X", "新")));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.service.removeItem(itemId));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.service.publish(draft.getId()));
		assertThat(this.service.overview()).extracting(s -> s.list().getId()).containsExactly(this.scjgPublished);
	}

	@Test
	void anotherDepartmentReadsOnlyThePublishedVersions() {
		as(SCJG_MANAGER);
		ItemList v2 = this.service.startDraft(false, "法规修订");
		this.service.publish(v2.getId());
		this.service.startDraft(false, "第三版");
		as(WSJK_OFFICER);
		assertThat(this.service.list(v2.getId()).getItems()).hasSize(1);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.service.list(this.scjgPublished));
		assertThat(this.service.versions(v2)).extracting(ItemList::getVersionNo).containsExactly(2);
	}

	@Test
	void aManagerCannotChangeAnotherDepartmentsPublishedList() {
		as(WSJK_MANAGER);
		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.service.addItem(this.scjgPublished, item("X", "新")));
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.service.publish(this.scjgPublished));
	}

	@Test
	void theBureauEditsAndPublishesTheJointListAndAManagerMayNot() {
		as(SCJG_MANAGER);
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.service.startDraft(true, "联合"));
		assertThat(this.service.mayStartDraft(true)).isFalse();
		as(BUREAU);
		ItemList joint = this.service.startDraft(true, "首次编制联合清单");
		assertThat(joint.isJoint()).isTrue();
		assertThat(joint.getDepartmentId()).isEqualTo(SCJG);
		this.service.addItem(joint.getId(), item("LH-001", "跨部门联合抽查事项"));
		this.service.reviseRules(joint.getId(), rules());
		this.service.publish(joint.getId());
		as(SCJG_MANAGER);
		ItemList published = this.service.list(joint.getId());
		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.service.publish(published.getId()));
	}

	@Test
	void theBureauReadsEveryDepartmentsDraft() {
		as(WSJK_OFFICER);
		this.service.startDraft(false, "首次编制");
		as(BUREAU);
		assertThat(this.service.overview()).extracting(s -> s.list().getDepartmentId())
			.containsExactlyInAnyOrder(SCJG, WSJK);
	}

	@Test
	void administratorsSeeNoItemLists() {
		as(SYS_ADMIN);
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.service.overview());
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.service.list(this.scjgPublished));
	}

	@Test
	void provisioningIsForTheSystemOnly() {
		as(BUREAU);
		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.service.provisionPublished(WSJK, false, "x", rules(), List.of()));
	}

	@Test
	void aDraftOpenForMoreThanTenWorkingDaysIsFlagged() {
		as(SCJG_OFFICER);
		ItemList draft = this.service.startDraft(false, "法规修订");
		// 2 March + 14 calendar days = 16 March: exactly 10 working days later
		this.clock.advance(Duration.ofDays(14));
		assertThat(this.service.summary(draft)).satisfies(s -> {
			assertThat(s.workingDaysOpen()).isEqualTo(10);
			assertThat(s.overdue()).isFalse();
		});
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.service.summary(draft).overdue()).isTrue();
		assertThat(this.service.summary(this.service.list(this.scjgPublished)).overdue()).isFalse();
	}

	@Test
	void theTenWorkingDaysSkipTheNationalDayHoliday() {
		this.clock.set(Instant.parse("2026-09-29T01:00:00Z"));
		as(SCJG_OFFICER);
		ItemList draft = this.service.startDraft(false, "节前修订");
		// 30 Sep, 8/9/10(调休)/12/13/14/15 Oct are 8 working days: not overdue on 15 October
		this.clock.set(Instant.parse("2026-10-15T01:00:00Z"));
		assertThat(this.service.summary(draft).workingDaysOpen()).isEqualTo(8);
		assertThat(this.service.summary(draft).overdue()).isFalse();
	}

	/** SCJG (id 1) and WSJK (id 9), enough for the audit details and the joint owner. */
	static final class TwoDepartments implements Departments {

		static Department department(long id, String code) {
			try {
				Constructor<Department> constructor = Department.class.getDeclaredConstructor();
				constructor.setAccessible(true);
				Department department = constructor.newInstance();
				for (var field : List.of("id", "code")) {
					var f = Department.class.getDeclaredField(field);
					f.setAccessible(true);
					f.set(department, field.equals("id") ? (Object) id : code);
				}
				return department;
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		final List<Department> all = List.of(department(SCJG, "SCJG"), department(WSJK, "WSJK"));

		@Override
		public List<Department> findAllByOrderByRegionCodeAscSortOrderAscIdAsc() {
			return this.all;
		}

		@Override
		public Optional<Department> findById(Long id) {
			return this.all.stream().filter(d -> d.getId().equals(id)).findFirst();
		}

		@Override
		public Optional<Department> findByCode(String code) {
			return this.all.stream().filter(d -> d.getCode().equals(code)).findFirst();
		}

		@Override
		public boolean existsByCode(String code) {
			return findByCode(code).isPresent();
		}

		@Override
		public boolean existsByRegionCodeAndName(String regionCode, String name) {
			return false;
		}

		@Override
		public long count() {
			return this.all.size();
		}

		@Override
		public long countByEnforcingTrueAndActiveTrue() {
			return this.all.size();
		}

		@Override
		public Department save(Department department) {
			throw new UnsupportedOperationException();
		}

	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public ZoneId getZone() {
			return BEIJING;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
