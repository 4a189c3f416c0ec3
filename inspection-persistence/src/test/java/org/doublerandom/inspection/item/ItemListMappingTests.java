package org.doublerandom.inspection.item;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The item lists on the real schema: mappings round-trip, the data-scope queries hide other departments'
 * drafts, and the database itself holds one draft and one published version per list. In the core's package
 * because the aggregate's factories are package-private on purpose.
 */
@DataJpaTest
class ItemListMappingTests {

	static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

	@Autowired
	ItemLists lists;

	@Autowired
	InspectionItems items;

	@Autowired
	ItemBooklets booklets;

	@Autowired
	TestEntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	Long scjg;

	Long wsjk;

	@BeforeEach
	void departments() {
		this.scjg = this.jdbc.queryForObject("select id from department where code = 'SCJG'", Long.class);
		this.wsjk = this.jdbc.queryForObject("select id from department where code = 'WSJK'", Long.class);
	}

	static ItemDetails item(String code) {
		return new ItemDetails(code, "食品经营许可检查", "许可事项", "《食品安全法》第三十五条", "市市场监管局", ItemCategory.KEY, "不设上限",
				"每年1次", "经营场所与许可一致", "持执法证", "演示", 2, "核对许可证", "实地检查", "《食品经营许可和备案管理办法》",
				"两名执法人员", Set.of(TargetKind.ENTERPRISE, TargetKind.INDIVIDUAL_BUSINESS),
				Set.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENTARY), List.of("许可证在有效期内", "经营项目与许可一致", "从业人员健康证明"));
	}

	ItemList published(Long departmentId) {
		ItemList list = ItemList.firstDraft(departmentId, false, "首次编制", "tester", T0);
		list.addItem(item("SP-001"));
		list.reviseRules(new WorkRules("随机抽取", "流程", "审批", "公示", "归档"));
		list.publish("tester", T0);
		ItemList saved = this.lists.save(list);
		this.lists.flush();
		return saved;
	}

	@Test
	void aListWithItsItemsTargetKindsMethodsAndOrderedCheckpointsRoundTrips() {
		Long id = published(this.scjg).getId();
		this.entityManager.clear();
		ItemList loaded = this.lists.findById(id).orElseThrow();
		assertThat(loaded.getStatus()).isEqualTo(ItemListStatus.PUBLISHED);
		assertThat(loaded.getRules().getApproval()).isEqualTo("审批");
		assertThat(loaded.getItems()).singleElement().satisfies(item -> {
			assertThat(item.getCategory()).isEqualTo(ItemCategory.KEY);
			assertThat(item.getTargetKinds()).containsExactly(TargetKind.ENTERPRISE, TargetKind.INDIVIDUAL_BUSINESS);
			assertThat(item.getMethods()).containsExactly(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENTARY);
			assertThat(item.getCheckpoints()).containsExactly("许可证在有效期内", "经营项目与许可一致", "从业人员健康证明");
			assertThat(item.getGuideBasis()).isEqualTo("《食品经营许可和备案管理办法》");
		});
	}

	@Test
	void aNextDraftCopiesTheItemsAsNewRows() {
		ItemList v1 = published(this.scjg);
		ItemList v2 = this.lists.save(v1.startNextDraft("修订", "tester", T0));
		this.lists.flush();
		this.entityManager.clear();
		assertThat(this.jdbc.queryForObject("select count(*) from inspection_item where code = 'SP-001'", Long.class))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from inspection_item_checkpoint", Long.class))
			.isEqualTo(6);
		assertThat(this.lists.findById(v2.getId()).orElseThrow().getItems()).hasSize(1);
	}

	@Test
	void theDataScopeQueriesHideAnotherDepartmentsDraft() {
		ItemList v1 = published(this.scjg);
		ItemList draft = this.lists.save(v1.startNextDraft("修订", "tester", T0));
		this.lists.flush();
		Long draftItem = draft.getItems().get(0).getId();
		assertThat(this.lists.findReadable(draft.getId(), this.wsjk)).isEmpty();
		assertThat(this.lists.findReadable(draft.getId(), this.scjg)).isPresent();
		assertThat(this.lists.findReadable(v1.getId(), this.wsjk)).isPresent();
		assertThat(this.items.findReadable(draftItem, this.wsjk)).isEmpty();
		assertThat(this.items.findReadable(draftItem, this.scjg)).isPresent();
		assertThat(this.lists.findCurrentReadable(this.wsjk)).extracting(ItemList::getId)
			.contains(v1.getId())
			.doesNotContain(draft.getId());
		assertThat(this.lists.findCurrentReadable(this.scjg)).extracting(ItemList::getId)
			.contains(v1.getId(), draft.getId());
	}

	@Test
	void theDatabaseRefusesASecondDraftOfTheSameList() {
		ItemList v1 = published(this.scjg);
		this.lists.save(v1.startNextDraft("修订", "tester", T0));
		this.lists.flush();
		// the joint list of the same department is another list and may have its own draft
		this.lists.save(ItemList.firstDraft(this.scjg, true, "联合清单", "tester", T0));
		this.lists.flush();
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into item_list (department_id, joint, version_no, status, change_note, created_at, created_by)
				values (?, false, 9, 'DRAFT', '再起草', now(), 'tester')""", this.scjg))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("item_list_one_draft");
	}

	@Test
	void theDatabaseRefusesASecondPublishedVersionOfTheSameList() {
		published(this.scjg);
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into item_list (department_id, joint, version_no, status, change_note, created_at, created_by,
				    published_at, published_by)
				values (?, false, 9, 'PUBLISHED', '再公布', now(), 'tester', now(), 'tester')""", this.scjg))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("item_list_one_published");
	}

	@Test
	void supersedingBeforePublishingSatisfiesTheIndex() {
		ItemList v1 = published(this.scjg);
		ItemList v2 = this.lists.save(v1.startNextDraft("修订", "tester", T0));
		this.lists.flush();
		v1.supersede(T0);
		this.lists.flush();
		v2.publish("tester", T0);
		this.lists.flush();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from item_list where department_id = ? and status = 'SUPERSEDED'", Long.class, this.scjg))
			.isEqualTo(1);
	}

	@Test
	void aBookletKeepsItsItemReferencesInOrder() {
		published(this.scjg);
		ItemBooklet booklet = this.booklets.save(new ItemBooklet(new BookletDetails("餐饮业", "H", "演示",
				List.of(new BookletItemRef(this.scjg, false, "SP-001"), new BookletItemRef(this.wsjk, false, "WS-9"))),
				"tester", T0));
		this.entityManager.flush();
		this.entityManager.clear();
		assertThat(this.booklets.findById(booklet.getId()).orElseThrow().getItems()).extracting(BookletItemRef::key)
			.containsExactly(this.scjg + ":D:SP-001", this.wsjk + ":D:WS-9");
		assertThatThrownBy(() -> this.jdbc.update("update item_booklet set industry_section = 'Z'"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
