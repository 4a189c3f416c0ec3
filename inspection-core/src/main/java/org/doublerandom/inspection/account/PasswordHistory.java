package org.doublerandom.inspection.account;

import java.util.List;

import org.springframework.data.domain.Pageable;

/** Port: the password hashes each account has had. */
public interface PasswordHistory {

	PasswordHistoryEntry save(PasswordHistoryEntry entry);

	/** Newest first; the page says how many. */
	List<PasswordHistoryEntry> findByAccountIdOrderByIdDesc(Long accountId, Pageable page);

}
