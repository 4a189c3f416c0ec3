package org.doublerandom.inspection.vocabulary;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 字典项: one value of an editable vocabulary. The code is permanent (results refer to it); the bureau may
 * reword the labels or retire the value.
 */
@Entity
@Table(name = "dictionary_entry")
public class DictionaryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private DictionaryKind dictionary;

	@Column(updatable = false)
	private String code;

	private String nameZh;

	private String nameEn;

	private boolean problemFound;

	private int sortOrder;

	private boolean active;

	@Version
	private long version;

	protected DictionaryEntry() {
	}

	void relabel(String nameZh, String nameEn, boolean active) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.active = active;
	}

	/** The label in the reader's language: Chinese unless English is asked for. */
	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

	public Long getId() {
		return this.id;
	}

	public DictionaryKind getDictionary() {
		return this.dictionary;
	}

	public String getCode() {
		return this.code;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public boolean isProblemFound() {
		return this.problemFound;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

}
