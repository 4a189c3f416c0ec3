package org.doublerandom.inspection.item;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the list versions. The {@code …Readable…} queries carry the reader's data scope. */
public interface ItemLists {

	Optional<ItemList> findById(Long id);

	/** The version if it is published or belongs to the department; empty otherwise. */
	Optional<ItemList> findReadable(Long id, Long departmentId);

	/** Current (draft and published) versions of every department: the bureau's view. */
	List<ItemList> findByStatusInOrderByJointDescDepartmentIdAscVersionNoDesc(Collection<ItemListStatus> statuses);

	/** Every published version, and the department's own current draft. */
	List<ItemList> findCurrentReadable(Long departmentId);

	List<ItemList> findByDepartmentIdAndJointOrderByVersionNoDesc(Long departmentId, boolean joint);

	List<ItemList> findByDepartmentIdAndJointAndStatusOrderByVersionNoDesc(Long departmentId, boolean joint,
			ItemListStatus status);

	Optional<ItemList> findByDepartmentIdAndJointAndStatus(Long departmentId, boolean joint, ItemListStatus status);

	List<ItemList> findByStatus(ItemListStatus status);

	boolean existsByDepartmentIdAndJoint(Long departmentId, boolean joint);

	ItemList save(ItemList list);

	/** Writes pending changes now: the superseded version must leave before the new one is published. */
	void flush();

}
