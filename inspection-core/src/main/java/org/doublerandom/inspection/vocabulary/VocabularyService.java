package org.doublerandom.inspection.vocabulary;

import java.util.List;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff read the vocabularies; the bureau (市场监管局) rewords or retires their values. */
@Service
@Transactional(readOnly = true)
public class VocabularyService {

	private final DictionaryEntries entries;

	private final CurrentActor actor;

	private final AuditTrail audit;

	public VocabularyService(DictionaryEntries entries, CurrentActor actor, AuditTrail audit) {
		this.entries = entries;
		this.actor = actor;
		this.audit = audit;
	}

	public List<DictionaryEntry> entries(DictionaryKind dictionary) {
		return this.entries.findByDictionaryOrderBySortOrderAsc(dictionary);
	}

	public DictionaryEntry entry(Long id) {
		return this.entries.findById(id).orElseThrow(() -> new NotFoundException("dictionaryEntry", id));
	}

	@Transactional
	public void relabel(Long id, String nameZh, String nameEn, boolean active) {
		this.actor.get().require("dictionary.edit", Role.BUREAU);
		DictionaryEntry entry = entry(id);
		if (nameZh == null || nameZh.isBlank()) {
			throw new DomainException("dictionary.nameZh.required", "nameZh");
		}
		if (nameEn == null || nameEn.isBlank()) {
			throw new DomainException("dictionary.nameEn.required", "nameEn");
		}
		String before = entry.getNameZh() + " / " + entry.getNameEn() + " / " + entry.isActive();
		entry.relabel(nameZh.strip(), nameEn.strip(), active);
		this.audit.success("dictionary.edit", "dictionaryEntry", id,
				entry.getCode() + ": " + before + " -> " + entry.getNameZh() + " / " + entry.getNameEn() + " / " + active);
	}

}
