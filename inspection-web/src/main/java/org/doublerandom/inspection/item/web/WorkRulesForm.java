package org.doublerandom.inspection.item.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.item.WorkRules;

/** 随机抽查工作细则: the draw method is what every department must state first. */
record WorkRulesForm(@NotBlank @Size(max = 4000) String drawMethod, @Size(max = 4000) String procedure,
		@Size(max = 4000) String approval, @Size(max = 4000) String publication, @Size(max = 4000) String archiving) {

	static WorkRulesForm of(WorkRules rules) {
		return new WorkRulesForm(rules.getDrawMethod(), rules.getProcedure(), rules.getApproval(),
				rules.getPublication(), rules.getArchiving());
	}

	WorkRules toRules() {
		return new WorkRules(this.drawMethod, this.procedure, this.approval, this.publication, this.archiving);
	}

}
