package org.doublerandom.inspection.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.ItemList;
import org.doublerandom.inspection.item.ItemListStatus;
import org.doublerandom.inspection.item.ItemLists;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.Tasks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一公开 reads for visitors without an account: no role is required, so every read here is limited to what is
 * published — list versions in force (never a draft or a superseded version), committed draws with their
 * result, and the public fields of a target.
 */
@Service
@Transactional(readOnly = true)
public class DisclosureService {

	/** Rows on a page of the entity lookup. */
	public static final int ENTITY_PAGE_SIZE = 20;

	private final ItemLists lists;

	private final Departments departments;

	/** The most draws the open data lists (the public draw list shows as many). */
	public static final int DRAW_LIMIT = 10_000;

	private final PublicEntities entities;

	private final DrawStore draws;

	private final Tasks tasks;

	public DisclosureService(ItemLists lists, Departments departments, PublicEntities entities, DrawStore draws,
			Tasks tasks) {
		this.lists = lists;
		this.departments = departments;
		this.entities = entities;
		this.draws = draws;
		this.tasks = tasks;
	}

	/**
	 * Every item of the list versions in force, the joint list first, then the departments in their order;
	 * items in their list's order. {@code departmentId} narrows to one department's lists (its joint list
	 * included for the coordinator).
	 */
	public List<PublicItem> items(Long departmentId) {
		Map<Long, Integer> order = new HashMap<>();
		List<Department> all = this.departments.findAllByOrderByRegionCodeAscSortOrderAscIdAsc();
		for (int i = 0; i < all.size(); i++) {
			order.put(all.get(i).getId(), i);
		}
		List<ItemList> published = new ArrayList<>(this.lists.findByStatus(ItemListStatus.PUBLISHED));
		published.removeIf(list -> departmentId != null && !departmentId.equals(list.getDepartmentId()));
		published.sort(Comparator.comparing((ItemList list) -> !list.isJoint())
			.thenComparing(list -> order.getOrDefault(list.getDepartmentId(), Integer.MAX_VALUE)));
		List<PublicItem> items = new ArrayList<>();
		for (ItemList list : published) {
			for (InspectionItem item : list.getItems()) {
				items.add(new PublicItem(list.getDepartmentId(), list.isJoint(), list.getVersionNo(),
						list.getPublishedAt(), item.getCode(), item.getName(), item.getSubItems(), item.getCategory(),
						item.getTargetKinds(), item.getMethods(), item.getLegalBasis(), item.getInspectingDepartment(),
						item.getSamplingRatio(), item.getFrequency()));
			}
		}
		return items;
	}

	public Page<PublicItem> items(Long departmentId, int page, int size) {
		List<PublicItem> all = items(departmentId);
		int from = (int) Math.min((long) Math.max(page, 0) * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageImpl<>(all.subList(from, to), PageRequest.of(Math.max(page, 0), size), all.size());
	}

	/** The departments with a list in force, for the filter. */
	public List<Department> itemDepartments() {
		List<Long> withList = this.lists.findByStatus(ItemListStatus.PUBLISHED).stream()
			.map(ItemList::getDepartmentId)
			.distinct()
			.toList();
		return this.departments.findAllByOrderByRegionCodeAscSortOrderAscIdAsc().stream()
			.filter(d -> withList.contains(d.getId()))
			.toList();
	}

	/** One page of the lookup; one row more than the page is read to know whether another page follows. */
	public EntityResults entities(String typed, int page) {
		EntityQuery query = EntityQuery.of(typed);
		int current = Math.max(0, Math.min(page, 499));
		List<PublicEntity> rows = this.entities.search(query, current * ENTITY_PAGE_SIZE, ENTITY_PAGE_SIZE + 1);
		boolean more = rows.size() > ENTITY_PAGE_SIZE;
		return new EntityResults(query, more ? rows.subList(0, ENTITY_PAGE_SIZE) : rows, current, ENTITY_PAGE_SIZE,
				more);
	}

	/** By its registry id or by its credit code (either may be in a link someone shares). */
	public PublicEntity entity(String key) {
		String typed = (key == null) ? "" : key.strip();
		Optional<PublicEntity> found = Optional.empty();
		if (typed.matches("[0-9]{1,14}")) {
			found = this.entities.findById(Long.parseLong(typed));
		}
		else if (typed.matches("[0-9A-Za-z]{15,18}")) {
			found = this.entities.findByCode(typed.toUpperCase(Locale.ROOT));
		}
		return found.orElseThrow(() -> new NotFoundException("entity", typed));
	}

	public List<EntityDraw> draws(PublicEntity entity) {
		return this.entities.draws(entity.id());
	}

	/** Every committed draw (voided ones too: they stay published next to their successor), newest first. */
	public List<PublicDrawRow> draws() {
		return draws(this.draws.committed(DRAW_LIMIT));
	}

	/**
	 * The committed draws whose task matches the public listings' filter, newest first: one page of {@code size},
	 * or, without a page, all of them up to {@link #DRAW_LIMIT}.
	 */
	public List<PublicDrawRow> draws(org.doublerandom.inspection.shared.PublicListFilter filter, Integer page, int size) {
		var request = (page != null) ? org.springframework.data.domain.PageRequest.of(Math.max(page, 0), size)
				: org.springframework.data.domain.PageRequest.of(0, DRAW_LIMIT);
		return draws(this.draws.committed(filter, request).getContent());
	}

	private List<PublicDrawRow> draws(List<DrawStore.Stored> committed) {
		List<PublicDrawRow> rows = new ArrayList<>();
		for (DrawStore.Stored d : committed) {
			Optional<Task> task = this.tasks.findById(d.taskId());
			Optional<DrawStore.StoredResult> result = this.draws.result(d.id());
			rows.add(new PublicDrawRow(d.id(), d.taskId(), task.map(Task::getCode).orElse(null),
					task.map(Task::getName).orElse(null), d.committedAt(), d.planHash(), d.drandRound(),
					result.map(DrawStore.StoredResult::drawnAt).orElse(null),
					result.map(DrawStore.StoredResult::seed).orElse(null),
					result.map(DrawStore.StoredResult::digest).orElse(null),
					result.map(DrawStore.StoredResult::selectedCount).orElse(null), d.voidedAt(), d.voidReason(),
					d.demo()));
		}
		return rows;
	}

}
