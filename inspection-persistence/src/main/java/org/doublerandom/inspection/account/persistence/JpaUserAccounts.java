package org.doublerandom.inspection.account.persistence;

import org.doublerandom.inspection.account.UserAccount;
import org.doublerandom.inspection.account.UserAccounts;
import org.springframework.data.repository.Repository;

interface JpaUserAccounts extends UserAccounts, Repository<UserAccount, Long> {

}
