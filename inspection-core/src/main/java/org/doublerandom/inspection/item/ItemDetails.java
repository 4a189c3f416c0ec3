package org.doublerandom.inspection.item;

import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;

/**
 * Command: everything an inspection item (抽查事项) says, including its 工作指引 (guide) and 检查要点
 * (checkpoints, one line each).
 */
public record ItemDetails(String code, String name, String subItems, String legalBasis, String inspectingDepartment,
		ItemCategory category, String samplingRatio, String frequency, String contentRequirements,
		String inspectorRequirements, String remarks, int sortOrder, String guideContent, String guideMethod,
		String guideBasis, String guideRequirements, Set<TargetKind> targetKinds, Set<InspectionMethod> methods,
		List<String> checkpoints) {

	public ItemDetails {
		targetKinds = Set.copyOf(targetKinds);
		methods = Set.copyOf(methods);
		checkpoints = checkpoints.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
