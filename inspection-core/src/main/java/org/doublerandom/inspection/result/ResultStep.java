package org.doublerandom.inspection.result;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of a result's review, kept for good: who, when, and the reviewer's opinion (审核意见). */
@Embeddable
public class ResultStep {

	private int seq;

	@Enumerated(EnumType.STRING)
	private StepAction action;

	private String actor;

	@Column(name = "at")
	private Instant at;

	private String opinion;

	protected ResultStep() {
	}

	ResultStep(int seq, StepAction action, String actor, Instant at, String opinion) {
		this.seq = seq;
		this.action = action;
		this.actor = actor;
		this.at = at;
		this.opinion = opinion;
	}

	public int getSeq() {
		return this.seq;
	}

	public StepAction getAction() {
		return this.action;
	}

	public String getActor() {
		return this.actor;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getOpinion() {
		return this.opinion;
	}

}
