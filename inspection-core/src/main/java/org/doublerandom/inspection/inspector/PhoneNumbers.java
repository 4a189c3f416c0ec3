package org.doublerandom.inspection.inspector;

import java.util.regex.Pattern;

/** A mainland mobile number (手机号), and its masked form for lists, exports and the audit trail. */
public final class PhoneNumbers {

	static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private PhoneNumbers() {
	}

	public static boolean isValid(String phone) {
		return phone != null && MOBILE.matcher(phone).matches();
	}

	/** 138****5678: the carrier prefix and the last four digits only; anything else masked whole. */
	public static String mask(String phone) {
		if (phone == null || phone.isEmpty()) {
			return "";
		}
		if (phone.length() < 8) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

}
