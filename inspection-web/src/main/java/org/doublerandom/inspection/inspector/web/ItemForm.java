package org.doublerandom.inspection.inspector.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Item codes (抽查事项编码) separated by commas, spaces or 、. */
record ItemForm(@NotBlank @Size(max = 400) String codes) {

	static ItemForm empty() {
		return new ItemForm("");
	}

}
