package org.doublerandom.inspection.item.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.ItemCategory;
import org.doublerandom.inspection.item.ItemDetails;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;

/** One inspection item with its guide; checkpoints (检查要点) come one per line. */
record ItemForm(@NotBlank @Pattern(regexp = "([A-Za-z0-9][A-Za-z0-9._-]{0,31})?") String code,
		@NotBlank @Size(max = 200) String name, @Size(max = 4000) String subItems,
		@NotBlank @Size(max = 4000) String legalBasis, @NotBlank @Size(max = 200) String inspectingDepartment,
		@NotNull ItemCategory category, @Size(max = 200) String samplingRatio, @Size(max = 200) String frequency,
		@Size(max = 4000) String contentRequirements, @Size(max = 4000) String inspectorRequirements,
		@Size(max = 4000) String remarks, @PositiveOrZero Integer sortOrder, @Size(max = 4000) String guideContent,
		@Size(max = 4000) String guideMethod, @Size(max = 4000) String guideBasis,
		@Size(max = 4000) String guideRequirements, @NotEmpty Set<TargetKind> targetKinds,
		@NotEmpty Set<InspectionMethod> methods, @Size(max = 10000) String checkpoints) {

	static ItemForm empty(int sortOrder) {
		return new ItemForm("", "", "", "", "", ItemCategory.GENERAL, "", "", "", "", "", sortOrder, "", "", "", "",
				Set.of(), Set.of(), "");
	}

	static ItemForm of(InspectionItem item) {
		return new ItemForm(item.getCode(), item.getName(), item.getSubItems(), item.getLegalBasis(),
				item.getInspectingDepartment(), item.getCategory(), item.getSamplingRatio(), item.getFrequency(),
				item.getContentRequirements(), item.getInspectorRequirements(), item.getRemarks(), item.getSortOrder(),
				item.getGuideContent(), item.getGuideMethod(), item.getGuideBasis(), item.getGuideRequirements(),
				Set.copyOf(item.getTargetKinds()), Set.copyOf(item.getMethods()),
				String.join("\n", item.getCheckpoints()));
	}

	ItemDetails toDetails() {
		List<String> lines = (this.checkpoints != null) ? Arrays.asList(this.checkpoints.split("\\R")) : List.of();
		return new ItemDetails(this.code, this.name, this.subItems, this.legalBasis, this.inspectingDepartment,
				this.category, this.samplingRatio, this.frequency, this.contentRequirements, this.inspectorRequirements,
				this.remarks, (this.sortOrder != null) ? this.sortOrder : 0, this.guideContent, this.guideMethod,
				this.guideBasis, this.guideRequirements, this.targetKinds, this.methods, lines);
	}

}
