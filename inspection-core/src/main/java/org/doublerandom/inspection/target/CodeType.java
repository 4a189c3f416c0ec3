package org.doublerandom.inspection.target;

import java.util.regex.Pattern;

/** How a target is identified. */
public enum CodeType {

	/** 统一社会信用代码 (GB 32100), checked. */
	USCC,
	/** 注册号: a legacy 15-digit registration number from before the unified code; accepted and marked. */
	REGISTRATION_NO,
	/** A code of the target kind's own (project number, equipment number, ...). */
	OTHER;

	private static final Pattern LEGACY = Pattern.compile("[0-9]{15}");

	/** The code type a typed market-entity code belongs to, or {@code null} if it is neither shape. */
	public static CodeType ofMarketEntityCode(String code) {
		if (code.length() == 18) {
			return USCC;
		}
		return LEGACY.matcher(code).matches() ? REGISTRATION_NO : null;
	}

}
