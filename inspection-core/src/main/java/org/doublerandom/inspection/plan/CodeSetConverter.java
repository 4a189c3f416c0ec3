package org.doublerandom.inspection.plan;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A small set of codes in one column, comma-separated and sorted (an entry's scope filters): read as one
 * value, compared as a whole, never searched by SQL inside.
 */
@Converter
class CodeSetConverter implements AttributeConverter<SortedSet<String>, String> {

	@Override
	public String convertToDatabaseColumn(SortedSet<String> codes) {
		return (codes == null) ? "" : String.join(",", codes);
	}

	@Override
	public SortedSet<String> convertToEntityAttribute(String column) {
		if (column == null || column.isBlank()) {
			return new TreeSet<>();
		}
		return Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static SortedSet<String> of(Set<?> values) {
		return (values == null) ? new TreeSet<>(Collections.emptySet())
				: values.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
	}

}
