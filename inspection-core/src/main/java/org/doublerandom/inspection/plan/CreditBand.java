package org.doublerandom.inspection.plan;

import org.doublerandom.inspection.target.CreditClass;

/** A credit class as plans use it: A to D, or NONE for a target not yet classified (未分类). */
public enum CreditBand {

	A, B, C, D, NONE;

	public static CreditBand of(CreditClass creditClass) {
		return (creditClass != null) ? valueOf(creditClass.name()) : NONE;
	}

}
