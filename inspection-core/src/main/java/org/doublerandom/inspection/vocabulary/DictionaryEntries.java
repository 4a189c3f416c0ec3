package org.doublerandom.inspection.vocabulary;

import java.util.List;
import java.util.Optional;

/** Port: the editable vocabularies. */
public interface DictionaryEntries {

	List<DictionaryEntry> findByDictionaryOrderBySortOrderAsc(DictionaryKind dictionary);

	Optional<DictionaryEntry> findById(Long id);

	long count();

}
