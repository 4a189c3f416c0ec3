package org.doublerandom.inspection.item;

import java.time.Instant;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.doublerandom.inspection.item.Items.item;
import static org.doublerandom.inspection.item.Items.rules;

/** The aggregate's life: draft, published, superseded, and the reason for each refusal. */
class ItemListTests {

	static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

	static ItemList published() {
		ItemList list = ItemList.firstDraft(1L, false, "首次编制", "scjg-manager", T0);
		list.addItem(item("SCJG-001", "企业公示信息情况检查"));
		list.reviseRules(rules());
		list.publish("scjg-manager", T0);
		return list;
	}

	static DomainException refusal(Runnable action) {
		try {
			action.run();
		}
		catch (DomainException ex) {
			return ex;
		}
		throw new AssertionError("expected a refusal");
	}

	@Test
	void aFirstDraftIsVersionOneAndEmpty() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "scjg-officer1", T0);
		assertThat(draft.getVersionNo()).isEqualTo(1);
		assertThat(draft.getStatus()).isEqualTo(ItemListStatus.DRAFT);
		assertThat(draft.getItems()).isEmpty();
		assertThat(draft.getRules().getDrawMethod()).isNull();
	}

	@Test
	void aDraftNeedsAChangeNote() {
		assertThat(refusal(() -> ItemList.firstDraft(1L, false, "  ", "x", T0)))
			.extracting(DomainException::messageKey, DomainException::field)
			.containsExactly("item.list.refused.noteRequired", "changeNote");
	}

	@Test
	void anItemCodeIsUniqueWithinTheListIgnoringCase() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "x", T0);
		draft.addItem(item("A-1", "甲"));
		assertThat(refusal(() -> draft.addItem(item("a-1", "乙"))))
			.extracting(DomainException::messageKey, DomainException::field)
			.containsExactly("item.refused.codeTaken", "code");
	}

	@Test
	void blankCheckpointLinesAreDropped() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "x", T0);
		InspectionItem added = draft.addItem(item("A-1", "甲"));
		assertThat(added.getCheckpoints()).containsExactly("年度报告公示情况", "即时信息公示情况");
	}

	@Test
	void publishingNeedsAtLeastOneItem() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "x", T0);
		draft.reviseRules(rules());
		assertThat(refusal(() -> draft.publish("m", T0)).messageKey()).isEqualTo("item.list.refused.noItems");
	}

	@Test
	void publishingNeedsTheDrawMethodAndApprovalOfTheWorkRules() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "x", T0);
		draft.addItem(item("A-1", "甲"));
		draft.reviseRules(new WorkRules("随机抽取", null, " ", null, null));
		assertThat(refusal(() -> draft.publish("m", T0)).messageKey()).isEqualTo("item.list.refused.rulesIncomplete");
	}

	@Test
	void onlyADraftIsEdited() {
		ItemList list = published();
		Long anyId = 1L;
		assertThat(refusal(() -> list.addItem(item("B", "乙"))).messageKey()).isEqualTo("item.list.refused.notDraft");
		assertThat(refusal(() -> list.changeItem(anyId, item("B", "乙"))).messageKey())
			.isEqualTo("item.list.refused.notDraft");
		assertThat(refusal(() -> list.removeItem(anyId)).messageKey()).isEqualTo("item.list.refused.notDraft");
		assertThat(refusal(() -> list.reviseRules(rules())).messageKey()).isEqualTo("item.list.refused.notDraft");
		assertThat(refusal(() -> list.publish("m", T0)).messageKey()).isEqualTo("item.list.refused.notDraft");
	}

	@Test
	void aNewDraftCopiesThePublishedItemsAndRulesIntoTheNextVersion() {
		ItemList published = published();
		ItemList draft = published.startNextDraft("法规修订", "scjg-officer1", T0.plusSeconds(60));
		assertThat(draft.getVersionNo()).isEqualTo(2);
		assertThat(draft.getStatus()).isEqualTo(ItemListStatus.DRAFT);
		assertThat(draft.getItems()).singleElement().satisfies(copy -> {
			assertThat(copy.getCode()).isEqualTo("SCJG-001");
			assertThat(copy.getList()).isSameAs(draft);
			assertThat(copy).isNotSameAs(published.getItems().get(0));
			assertThat(copy.getCheckpoints()).containsExactly("年度报告公示情况", "即时信息公示情况");
		});
		assertThat(draft.getRules().getDrawMethod()).isEqualTo("平台随机抽取，摇号结果留存");
		assertThat(draft.getRules()).isNotSameAs(published.getRules());
		draft.removeItem(draft.getItems().get(0).getId());
		assertThat(published.getItems()).hasSize(1);
	}

	@Test
	void onlyThePublishedVersionStartsADraftAndOnlyItIsSuperseded() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "x", T0);
		assertThat(refusal(() -> draft.startNextDraft("再改", "x", T0)).messageKey())
			.isEqualTo("item.list.refused.draftFromPublishedOnly");
		assertThat(refusal(() -> draft.supersede(T0)).messageKey())
			.isEqualTo("item.list.refused.supersedePublishedOnly");
		ItemList published = published();
		published.supersede(T0);
		assertThat(published.getStatus()).isEqualTo(ItemListStatus.SUPERSEDED);
		assertThat(published.getSupersededAt()).isEqualTo(T0);
	}

	@Test
	void publishingRecordsWhoAndWhen() {
		ItemList list = published();
		assertThat(list.getStatus()).isEqualTo(ItemListStatus.PUBLISHED);
		assertThat(list.getPublishedBy()).isEqualTo("scjg-manager");
		assertThat(list.getPublishedAt()).isEqualTo(T0);
	}

	@Test
	void changingAnItemKeepsItsCodeUniqueAgainstTheOthers() {
		ItemList draft = ItemList.firstDraft(1L, false, "首次编制", "x", T0);
		InspectionItem a = draft.addItem(item("A", "甲"));
		draft.addItem(item("B", "乙"));
		FakeItemLists.assignIds(draft);
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> draft.changeItem(a.getId(), item("B", "丙")))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("code"));
		draft.changeItem(a.getId(), item("A", "甲改"));
		assertThat(draft.itemByCode("A")).get().extracting(InspectionItem::getName).isEqualTo("甲改");
	}

}
