package org.doublerandom.inspection.item.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 修订说明: why a new version of the list is started. */
record StartDraftForm(Boolean joint, @NotBlank @Size(max = 500) String changeNote) {

	static StartDraftForm empty() {
		return new StartDraftForm(false, "");
	}

	/** An unticked box sends nothing: the department's own list. */
	boolean forJointList() {
		return Boolean.TRUE.equals(this.joint);
	}

}
