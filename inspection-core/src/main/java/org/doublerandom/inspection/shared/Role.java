package org.doublerandom.inspection.shared;

/**
 * Staff roles. The three administrator roles follow 三员分立 (separation of the system, security and audit
 * administrators): they are mutually exclusive, and none of them performs business operations.
 */
public enum Role {

	/** 执法检查人员: an inspector of one department. */
	OFFICER(false),
	/** 部门管理员: plans, tasks and reviews for one department. */
	DEPT_MANAGER(false),
	/** 联合抽查牵头: the market-regulation bureau's coordinators, across departments. */
	BUREAU(false),
	/** 系统管理员: accounts, departments, parameters. */
	SYS_ADMIN(true),
	/** 安全管理员: roles and security policy. */
	SECURITY_ADMIN(true),
	/** 审计管理员: reads the audit trail, changes nothing. */
	AUDIT_ADMIN(true);

	private final boolean administrator;

	Role(boolean administrator) {
		this.administrator = administrator;
	}

	public boolean isAdministrator() {
		return this.administrator;
	}

	/** Business roles act for a department, so their holder must belong to one. */
	public boolean needsDepartment() {
		return this == OFFICER || this == DEPT_MANAGER || this == BUREAU;
	}

}
