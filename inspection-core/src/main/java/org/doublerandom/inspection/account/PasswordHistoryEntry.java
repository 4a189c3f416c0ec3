package org.doublerandom.inspection.account;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 口令历史: one password hash an account has had; the newest N may not be chosen again. */
@Entity
@Table(name = "password_history")
public class PasswordHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_account_id")
	private Long accountId;

	private String passwordHash;

	private Instant setAt;

	protected PasswordHistoryEntry() {
	}

	PasswordHistoryEntry(Long accountId, String passwordHash, Instant setAt) {
		this.accountId = Objects.requireNonNull(accountId);
		this.passwordHash = Objects.requireNonNull(passwordHash);
		this.setAt = Objects.requireNonNull(setAt);
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Instant getSetAt() {
		return this.setAt;
	}

}
