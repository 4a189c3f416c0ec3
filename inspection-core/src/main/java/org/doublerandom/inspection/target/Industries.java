package org.doublerandom.inspection.target;

import java.util.List;

/** Port: the industry classification (reference data). */
public interface Industries {

	List<IndustrySection> sections();

	List<IndustryDivision> divisions();

}
