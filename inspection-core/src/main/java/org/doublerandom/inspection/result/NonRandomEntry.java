package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.doublerandom.inspection.shared.DomainException;

/**
 * What an officer records of a non-random inspection (非随机检查): its type, date, result category, the items
 * checked, a short note and the basis (检查依据, e.g. the complaint number). Refuses what is missing or too long
 * at its field.
 */
public record NonRandomEntry(NonRandomType type, LocalDate inspectionDate, String categoryCode, Set<String> itemCodes,
		String note, String basis) {

	public static final int NOTE_MAX = 500;

	public static final int BASIS_MAX = 200;

	public NonRandomEntry {
		if (type == null) {
			throw new DomainException("nonRandom.type.required", "type");
		}
		if (inspectionDate == null) {
			throw new DomainException("nonRandom.inspectionDate.required", "inspectionDate");
		}
		if (categoryCode == null || categoryCode.isBlank()) {
			throw new DomainException("nonRandom.category.required", "categoryCode");
		}
		categoryCode = categoryCode.strip();
		basis = (basis == null) ? "" : basis.strip();
		if (basis.isEmpty()) {
			throw new DomainException("nonRandom.basis.required", "basis");
		}
		if (basis.length() > BASIS_MAX) {
			throw new DomainException("nonRandom.basis.tooLong", "basis", BASIS_MAX);
		}
		note = (note == null || note.isBlank()) ? null : note.strip();
		if (note != null && note.length() > NOTE_MAX) {
			throw new DomainException("nonRandom.note.tooLong", "note", NOTE_MAX);
		}
		Set<String> codes = new TreeSet<>();
		for (String code : (itemCodes == null) ? List.<String>of() : itemCodes) {
			if (code != null && !code.isBlank()) {
				codes.add(code.strip());
			}
		}
		itemCodes = Set.copyOf(codes);
	}

}
