package org.doublerandom.inspection.vocabulary.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record DictionaryEntryForm(@NotBlank @Size(max = 200) String nameZh, @NotBlank @Size(max = 200) String nameEn,
		boolean active) {

}
