package org.doublerandom.inspection.inspector;

/** 证件种类. Only an enforcement certificate lets an officer inspect. */
public enum CertificateKind {

	/** 行政执法证 */
	ENFORCEMENT(true),
	/** 行政执法监督证 */
	SUPERVISION(false),
	/** 专业资格证书 (e.g. of a testing engineer) */
	PROFESSIONAL(false);

	private final boolean enforcement;

	CertificateKind(boolean enforcement) {
		this.enforcement = enforcement;
	}

	public boolean isEnforcement() {
		return this.enforcement;
	}

}
