package org.doublerandom.inspection.item;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽查事项清单: reading the list versions in the actor's data scope, revising a draft, publishing it. Every
 * change is audited in its own transaction; {@link ItemAccess} says who may do what.
 */
@Service
@Transactional(readOnly = true)
public class ItemListService {

	/** 调整后的清单应于10个工作日内录入…并及时公开 (plan 三(三)). */
	public static final int DRAFT_WORKING_DAYS = 10;

	/** The joint list belongs to the city's coordinator, the market-regulation bureau. */
	public static final String JOINT_OWNER_CODE = "SCJG";

	private final ItemLists lists;

	private final InspectionItems items;

	private final Departments departments;

	private final WorkingDays workingDays;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public ItemListService(ItemLists lists, InspectionItems items, Departments departments, WorkingDays workingDays,
			CurrentActor actor, AuditTrail audit, Clock clock) {
		this.lists = lists;
		this.items = items;
		this.departments = departments;
		this.workingDays = workingDays;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** The current versions the actor may read: drafts of their own department (all of them for the bureau). */
	public List<ItemListSummary> overview() {
		Actor me = business("item.read");
		List<ItemList> current = me.has(Role.BUREAU)
				? this.lists.findByStatusInOrderByJointDescDepartmentIdAscVersionNoDesc(
						EnumSet.of(ItemListStatus.DRAFT, ItemListStatus.PUBLISHED))
				: this.lists.findCurrentReadable(me.departmentId());
		LocalDate today = this.workingDays.today();
		return current.stream().filter(list -> ItemAccess.canRead(me, list)).map(list -> summary(list, today)).toList();
	}

	public ItemList list(Long id) {
		return initialized(readable(id));
	}

	/** All versions of the same list that the actor may read, newest first. */
	public List<ItemList> versions(ItemList of) {
		Actor me = business("item.read");
		List<ItemList> versions = (me.has(Role.BUREAU) || ItemAccess.ownDepartment(me, of.getDepartmentId()))
				? this.lists.findByDepartmentIdAndJointOrderByVersionNoDesc(of.getDepartmentId(), of.isJoint())
				: this.lists.findByDepartmentIdAndJointAndStatusOrderByVersionNoDesc(of.getDepartmentId(),
						of.isJoint(), ItemListStatus.PUBLISHED);
		return versions.stream().filter(list -> ItemAccess.canRead(me, list)).toList();
	}

	public InspectionItem item(Long id) {
		Actor me = business("item.read");
		InspectionItem item = (me.has(Role.BUREAU) ? this.items.findById(id)
				: this.items.findReadable(id, me.departmentId()))
			.filter(i -> ItemAccess.canRead(me, i.getList()))
			.orElseThrow(() -> new NotFoundException("inspectionItem", id));
		initialized(item.getList());
		return item;
	}

	/** Whether the draft's working days are over the limit, for its page. */
	public ItemListSummary summary(ItemList list) {
		return summary(list, this.workingDays.today());
	}

	public boolean mayEdit(ItemList list) {
		return list.isDraft() && ItemAccess.canEdit(this.actor.get(), list.getDepartmentId(), list.isJoint());
	}

	public boolean mayPublish(ItemList list) {
		return list.isDraft() && ItemAccess.canPublish(this.actor.get(), list.getDepartmentId(), list.isJoint());
	}

	/** Whether the actor may start a draft of their department's list, or of the joint list. */
	public boolean mayStartDraft(boolean joint) {
		Actor me = this.actor.get();
		Long departmentId = joint ? jointOwner().getId() : me.departmentId();
		return departmentId != null && ItemAccess.canEdit(me, departmentId, joint);
	}

	/** A draft the actor may change; refuses a published or superseded version with the reason. */
	public ItemList draftForEditing(Long listId) {
		ItemList list = readable(listId);
		requireEdit(list);
		if (!list.isDraft()) {
			throw new DomainException("item.list.refused.notDraft", null, list.getVersionNo());
		}
		return initialized(list);
	}

	/** An item of a draft the actor may change. */
	public InspectionItem itemForEditing(Long itemId) {
		InspectionItem item = item(itemId);
		draftForEditing(item.getList().getId());
		return item;
	}

	/**
	 * Starts the next version of the actor's department list, or of the joint list: a copy of the published
	 * version's items and rules, or an empty version 1. Refuses a second draft.
	 */
	@Transactional
	public ItemList startDraft(boolean joint, String changeNote) {
		Actor me = business("item.list.start");
		Long departmentId = joint ? jointOwner().getId() : me.departmentId();
		if (departmentId == null || !ItemAccess.canEdit(me, departmentId, joint)) {
			throw new NotPermittedException("item.list.start");
		}
		return start(departmentId, joint, changeNote, me.username());
	}

	@Transactional
	public void reviseRules(Long listId, WorkRules rules) {
		ItemList list = readable(listId);
		requireEdit(list);
		list.reviseRules(rules);
		this.audit.success("item.rules.revise", "itemList", list.getId(), describe(list));
	}

	@Transactional
	public InspectionItem addItem(Long listId, ItemDetails details) {
		ItemList list = readable(listId);
		requireEdit(list);
		InspectionItem item = list.addItem(details);
		this.lists.save(list);
		this.lists.flush();
		this.audit.success("item.add", "itemList", list.getId(), describe(list) + " " + item.getCode() + " " + item.getName());
		return item;
	}

	@Transactional
	public void changeItem(Long itemId, ItemDetails details) {
		InspectionItem item = item(itemId);
		ItemList list = item.getList();
		requireEdit(list);
		String before = item.getCode() + " " + item.getName();
		list.changeItem(itemId, details);
		this.audit.success("item.change", "itemList", list.getId(),
				describe(list) + " " + before + " -> " + item.getCode() + " " + item.getName());
	}

	@Transactional
	public ItemList removeItem(Long itemId) {
		InspectionItem item = item(itemId);
		ItemList list = item.getList();
		requireEdit(list);
		list.removeItem(itemId);
		this.audit.success("item.remove", "itemList", list.getId(), describe(list) + " " + item.getCode() + " " + item.getName());
		return list;
	}

	/** Publishes the draft; the version published before it is superseded and stays readable. */
	@Transactional
	public ItemList publish(Long listId) {
		ItemList draft = readable(listId);
		if (!ItemAccess.canPublish(this.actor.get(), draft.getDepartmentId(), draft.isJoint())) {
			throw new NotPermittedException("item.list.publish");
		}
		return publishDraft(draft, this.actor.get().username());
	}

	/** Demo and installation data: a published version 1 with its items, unless the list exists. */
	@Transactional
	public ItemList provisionPublished(Long departmentId, boolean joint, String changeNote, WorkRules rules,
			List<ItemDetails> details) {
		this.actor.get().requireSystem("item.list.provision");
		ItemList draft = start(departmentId, joint, changeNote, Actor.SYSTEM);
		draft.reviseRules(rules);
		details.forEach(draft::addItem);
		return publishDraft(draft, Actor.SYSTEM);
	}

	/** Demo data: a draft of the next version, as a department revising its list would have. */
	@Transactional
	public ItemList provisionDraft(Long departmentId, boolean joint, String changeNote) {
		this.actor.get().requireSystem("item.list.provision");
		return start(departmentId, joint, changeNote, Actor.SYSTEM);
	}

	public boolean exists(Long departmentId, boolean joint) {
		return this.lists.existsByDepartmentIdAndJoint(departmentId, joint);
	}

	public Department jointOwner() {
		return this.departments.findByCode(JOINT_OWNER_CODE)
			.orElseThrow(() -> new NotFoundException("department", JOINT_OWNER_CODE));
	}

	private ItemList start(Long departmentId, boolean joint, String changeNote, String username) {
		this.lists.findByDepartmentIdAndJointAndStatus(departmentId, joint, ItemListStatus.DRAFT).ifPresent(draft -> {
			throw new DomainException("item.list.refused.draftExists", null, draft.getVersionNo());
		});
		ItemList draft = this.lists.findByDepartmentIdAndJointAndStatus(departmentId, joint, ItemListStatus.PUBLISHED)
			.map(published -> published.startNextDraft(changeNote, username, this.clock.instant()))
			.orElseGet(() -> ItemList.firstDraft(departmentId, joint, changeNote, username, this.clock.instant()));
		ItemList saved = this.lists.save(draft);
		this.lists.flush();
		this.audit.success("item.list.start", "itemList", saved.getId(), describe(saved) + ": " + saved.getChangeNote());
		return saved;
	}

	private ItemList publishDraft(ItemList draft, String username) {
		draft.requirePublishable();
		// the partial unique index allows one published version: the old one must leave first
		this.lists.findByDepartmentIdAndJointAndStatus(draft.getDepartmentId(), draft.isJoint(),
				ItemListStatus.PUBLISHED).ifPresent(previous -> {
					previous.supersede(this.clock.instant());
					this.lists.flush();
					this.audit.success("item.list.supersede", "itemList", previous.getId(), describe(previous));
				});
		draft.publish(username, this.clock.instant());
		ItemList saved = this.lists.save(draft);
		this.lists.flush();
		this.audit.success("item.list.publish", "itemList", saved.getId(),
				describe(saved) + ", " + saved.getItems().size() + " items");
		return saved;
	}

	private ItemList readable(Long id) {
		Actor me = business("item.read");
		return (me.has(Role.BUREAU) ? this.lists.findById(id) : this.lists.findReadable(id, me.departmentId()))
			.filter(list -> ItemAccess.canRead(me, list))
			.orElseThrow(() -> new NotFoundException("itemList", id));
	}

	private void requireEdit(ItemList list) {
		if (!ItemAccess.canEdit(this.actor.get(), list.getDepartmentId(), list.isJoint())) {
			throw new NotPermittedException("item.edit");
		}
	}

	/** Item lists are business data: the administrators of 三员分立 see none of them. */
	private Actor business(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

	private ItemListSummary summary(ItemList list, LocalDate today) {
		int open = 0;
		if (list.isDraft()) {
			open = this.workingDays.between(LocalDate.ofInstant(list.getCreatedAt(), this.clock.getZone()), today);
		}
		return new ItemListSummary(list, list.getItems().size(), open, list.isDraft() && open > DRAFT_WORKING_DAYS);
	}

	private String describe(ItemList list) {
		String code = this.departments.findById(list.getDepartmentId()).map(Department::getCode).orElse("?");
		return code + (list.isJoint() ? " joint" : "") + " v" + list.getVersionNo();
	}

	/** Loads what the pages show while the transaction is open (no open session in view). */
	static ItemList initialized(ItemList list) {
		list.getItems().forEach(item -> {
			item.getTargetKinds();
			item.getMethods();
			item.getCheckpoints().size();
		});
		return list;
	}

}
