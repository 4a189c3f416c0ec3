package org.doublerandom.inspection.item.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.item.BookletDetails;
import org.doublerandom.inspection.item.BookletItemRef;
import org.doublerandom.inspection.item.ItemBooklet;

/** 一业一册: items are chosen by their stable keys ({@link BookletItemRef#key()}). */
record BookletForm(@NotBlank @Size(max = 100) String name, @NotBlank @Pattern(regexp = "[A-T]") String industrySection,
		@Size(max = 4000) String description, List<String> itemKeys) {

	static BookletForm empty() {
		return new BookletForm("", "", "", List.of());
	}

	static BookletForm of(ItemBooklet booklet) {
		return new BookletForm(booklet.getName(), booklet.getIndustrySection(), booklet.getDescription(),
				booklet.getItems().stream().map(BookletItemRef::key).toList());
	}

	BookletDetails toDetails() {
		List<BookletItemRef> refs = (this.itemKeys != null) ? this.itemKeys.stream().map(BookletItemRef::parse).toList()
				: List.of();
		return new BookletDetails(this.name, this.industrySection, this.description, refs);
	}

}
