package org.doublerandom.inspection.disclosure;

import java.time.Instant;
import java.util.List;

import org.doublerandom.inspection.item.ItemCategory;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;

/**
 * One item of a published 抽查事项清单 as the public sees it, with its list: the department (or the joint
 * list, 部门联合随机抽查事项清单), the version in force and when it was published.
 */
public record PublicItem(long departmentId, boolean joint, int listVersion, Instant publishedAt, String code,
		String name, String subItems, ItemCategory category, List<TargetKind> targetKinds,
		List<InspectionMethod> methods, String legalBasis, String inspectingDepartment, String samplingRatio,
		String frequency) {
}
