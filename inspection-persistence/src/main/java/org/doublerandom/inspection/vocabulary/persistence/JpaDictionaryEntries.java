package org.doublerandom.inspection.vocabulary.persistence;

import org.doublerandom.inspection.vocabulary.DictionaryEntries;
import org.doublerandom.inspection.vocabulary.DictionaryEntry;
import org.springframework.data.repository.Repository;

interface JpaDictionaryEntries extends DictionaryEntries, Repository<DictionaryEntry, Long> {

}
