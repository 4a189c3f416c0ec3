package org.doublerandom.inspection.result;

import java.util.List;
import java.util.Locale;

/**
 * Port: the editable vocabularies a result chooses from (检查结果 {@code RESULT_CATEGORY}, 后续处置措施
 * {@code FOLLOW_UP_MEASURE}), read from the {@code vocabulary} feature's table. Results read the words; the
 * vocabulary pages, which show the inspection methods of this package, edit them, so the packages stay free of
 * cycles.
 */
public interface Terms {

	String RESULT_CATEGORY = "RESULT_CATEGORY";

	String FOLLOW_UP_MEASURE = "FOLLOW_UP_MEASURE";

	/** A value of a vocabulary; retired values keep their label for the results that used them. */
	record Term(String code, String nameZh, String nameEn, boolean active) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
		}

	}

	List<Term> terms(String dictionary);

}
