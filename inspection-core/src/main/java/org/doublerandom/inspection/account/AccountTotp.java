package org.doublerandom.inspection.account;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 动态口令绑定: an account's TOTP secret, sealed, and the last step used (each code is good once). */
@Entity
@Table(name = "account_totp")
public class AccountTotp {

	@Id
	@Column(name = "user_account_id")
	private Long accountId;

	private String sealedSecret;

	private Instant enrolledAt;

	private long lastUsedStep;

	protected AccountTotp() {
	}

	AccountTotp(Long accountId, String sealedSecret, Instant enrolledAt, long lastUsedStep) {
		this.accountId = Objects.requireNonNull(accountId);
		this.sealedSecret = Objects.requireNonNull(sealedSecret);
		this.enrolledAt = Objects.requireNonNull(enrolledAt);
		this.lastUsedStep = lastUsedStep;
	}

	void used(long step) {
		if (step <= this.lastUsedStep) {
			throw new IllegalStateException("a TOTP step is used once");
		}
		this.lastUsedStep = step;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	String getSealedSecret() {
		return this.sealedSecret;
	}

	public Instant getEnrolledAt() {
		return this.enrolledAt;
	}

	long getLastUsedStep() {
		return this.lastUsedStep;
	}

}
