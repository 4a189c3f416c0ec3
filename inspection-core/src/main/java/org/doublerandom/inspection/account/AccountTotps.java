package org.doublerandom.inspection.account;

import java.util.Optional;

/** Port: the accounts' TOTP enrolments. */
public interface AccountTotps {

	Optional<AccountTotp> findById(Long accountId);

	boolean existsById(Long accountId);

	AccountTotp save(AccountTotp totp);

	void deleteById(Long accountId);

}
