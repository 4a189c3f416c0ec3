package org.doublerandom.inspection.inspector;

import java.util.Collection;
import java.util.List;

/**
 * Port: looks up targets for declaring conflicts (回避), by the code staff know them by (统一社会信用代码 or the
 * target's own code). A read-only view of the target registry, so this feature does not depend on its model.
 */
public interface ConflictTargets {

	/** Every target with that code: one for a credit code, possibly several of different kinds otherwise. */
	List<TargetReference> findTargetsByCode(String code);

	List<TargetReference> findTargetsByIdIn(Collection<Long> ids);

}
