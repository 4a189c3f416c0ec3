package org.doublerandom.inspection.web.support;

/** Updates the signed-in user's session after their own account changed. */
public interface SignedInUser {

	/** The password was changed: lift the must-change restriction for this session. */
	void passwordChanged();

	/** The TOTP code was right: the administrator's roles take effect in this session. */
	void secondFactorVerified();

	/** Password given, TOTP code still owed. */
	boolean secondFactorPending();

}
