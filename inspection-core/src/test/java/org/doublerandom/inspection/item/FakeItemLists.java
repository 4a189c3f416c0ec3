package org.doublerandom.inspection.item;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory lists and items, with the same data-scope predicates as the JPA queries. */
final class FakeItemLists implements ItemLists {

	private static final AtomicLong IDS = new AtomicLong(100);

	private final List<ItemList> lists = new ArrayList<>();

	/** Gives the list and its items ids, as the database would. */
	static void assignIds(ItemList list) {
		setId(list, ItemList.class);
		list.getItems().forEach(item -> setId(item, InspectionItem.class));
	}

	private static void setId(Object entity, Class<?> type) {
		try {
			Field id = type.getDeclaredField("id");
			id.setAccessible(true);
			if (id.get(entity) == null) {
				id.set(entity, IDS.incrementAndGet());
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final Comparator<ItemList> ORDER = Comparator.comparing(ItemList::isJoint)
		.reversed()
		.thenComparing(ItemList::getDepartmentId)
		.thenComparing(Comparator.comparingInt(ItemList::getVersionNo).reversed());

	@Override
	public Optional<ItemList> findById(Long id) {
		return this.lists.stream().filter(l -> Objects.equals(l.getId(), id)).findFirst();
	}

	@Override
	public Optional<ItemList> findReadable(Long id, Long departmentId) {
		return findById(id).filter(l -> readable(l, departmentId));
	}

	@Override
	public List<ItemList> findByStatusInOrderByJointDescDepartmentIdAscVersionNoDesc(
			Collection<ItemListStatus> statuses) {
		return this.lists.stream().filter(l -> statuses.contains(l.getStatus())).sorted(ORDER).toList();
	}

	@Override
	public List<ItemList> findCurrentReadable(Long departmentId) {
		return this.lists.stream()
			.filter(l -> l.getStatus() == ItemListStatus.PUBLISHED
					|| (Objects.equals(l.getDepartmentId(), departmentId) && l.getStatus() == ItemListStatus.DRAFT))
			.sorted(ORDER)
			.toList();
	}

	@Override
	public List<ItemList> findByDepartmentIdAndJointOrderByVersionNoDesc(Long departmentId, boolean joint) {
		return this.lists.stream()
			.filter(l -> l.getDepartmentId().equals(departmentId) && l.isJoint() == joint)
			.sorted(ORDER)
			.toList();
	}

	@Override
	public List<ItemList> findByDepartmentIdAndJointAndStatusOrderByVersionNoDesc(Long departmentId, boolean joint,
			ItemListStatus status) {
		return findByDepartmentIdAndJointOrderByVersionNoDesc(departmentId, joint).stream()
			.filter(l -> l.getStatus() == status)
			.toList();
	}

	@Override
	public Optional<ItemList> findByDepartmentIdAndJointAndStatus(Long departmentId, boolean joint,
			ItemListStatus status) {
		return findByDepartmentIdAndJointAndStatusOrderByVersionNoDesc(departmentId, joint, status).stream()
			.findFirst();
	}

	@Override
	public List<ItemList> findByStatus(ItemListStatus status) {
		return this.lists.stream().filter(l -> l.getStatus() == status).toList();
	}

	@Override
	public boolean existsByDepartmentIdAndJoint(Long departmentId, boolean joint) {
		return !findByDepartmentIdAndJointOrderByVersionNoDesc(departmentId, joint).isEmpty();
	}

	@Override
	public ItemList save(ItemList list) {
		assignIds(list);
		if (!this.lists.contains(list)) {
			this.lists.add(list);
		}
		return list;
	}

	@Override
	public void flush() {
		this.lists.forEach(FakeItemLists::assignIds);
		for (ItemListStatus once : List.of(ItemListStatus.DRAFT, ItemListStatus.PUBLISHED)) {
			long distinct = this.lists.stream()
				.filter(l -> l.getStatus() == once)
				.map(l -> l.getDepartmentId() + "/" + l.isJoint())
				.distinct()
				.count();
			if (distinct != this.lists.stream().filter(l -> l.getStatus() == once).count()) {
				throw new IllegalStateException("unique index item_list_one_" + once.name().toLowerCase());
			}
		}
	}

	/** The items port over the same lists. */
	InspectionItems items() {
		return new InspectionItems() {

			@Override
			public Optional<InspectionItem> findById(Long id) {
				return FakeItemLists.this.lists.stream()
					.flatMap(l -> l.getItems().stream())
					.filter(i -> id.equals(i.getId()))
					.findFirst();
			}

			@Override
			public Optional<InspectionItem> findReadable(Long id, Long departmentId) {
				return findById(id).filter(item -> readable(item.getList(), departmentId));
			}

		};
	}

	private static boolean readable(ItemList list, Long departmentId) {
		return list.getStatus() == ItemListStatus.PUBLISHED || Objects.equals(list.getDepartmentId(), departmentId);
	}

}
