package org.doublerandom.inspection.item;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * 随机抽查工作细则 (plan 三(五)): how a department draws, inspects, approves, publishes and archives. Kept with
 * each list version, so the rules in force for a past inspection stay readable.
 */
@Embeddable
public class WorkRules {

	@Column(name = "rule_draw_method")
	private String drawMethod;

	@Column(name = "rule_procedure")
	private String procedure;

	@Column(name = "rule_approval")
	private String approval;

	@Column(name = "rule_publication")
	private String publication;

	@Column(name = "rule_archiving")
	private String archiving;

	protected WorkRules() {
	}

	public WorkRules(String drawMethod, String procedure, String approval, String publication, String archiving) {
		this.drawMethod = blankToNull(drawMethod);
		this.procedure = blankToNull(procedure);
		this.approval = blankToNull(approval);
		this.publication = blankToNull(publication);
		this.archiving = blankToNull(archiving);
	}

	public static WorkRules none() {
		return new WorkRules(null, null, null, null, null);
	}

	WorkRules copy() {
		return new WorkRules(this.drawMethod, this.procedure, this.approval, this.publication, this.archiving);
	}

	/** The plan asks every department for a draw method at least before it inspects anyone. */
	boolean isComplete() {
		return this.drawMethod != null && this.approval != null;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public String getDrawMethod() {
		return this.drawMethod;
	}

	public String getProcedure() {
		return this.procedure;
	}

	public String getApproval() {
		return this.approval;
	}

	public String getPublication() {
		return this.publication;
	}

	public String getArchiving() {
		return this.archiving;
	}

}
