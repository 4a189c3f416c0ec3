package org.doublerandom.inspection.account.persistence;

import org.doublerandom.inspection.account.PasswordHistory;
import org.doublerandom.inspection.account.PasswordHistoryEntry;
import org.springframework.data.repository.Repository;

interface JpaPasswordHistory extends PasswordHistory, Repository<PasswordHistoryEntry, Long> {

}
