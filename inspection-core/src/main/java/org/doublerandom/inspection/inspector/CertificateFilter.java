package org.doublerandom.inspection.inspector;

/** Search filter on the enforcement certificate of officers, as of today. */
public enum CertificateFilter {

	/** officers holding an enforcement certificate valid today */
	VALID,
	/** officers without one: expired or never recorded (ineligible for the draw) */
	EXPIRED

}
