package org.doublerandom.inspection.account.persistence;

import org.doublerandom.inspection.account.AccountTotp;
import org.doublerandom.inspection.account.AccountTotps;
import org.springframework.data.repository.Repository;

interface JpaAccountTotps extends AccountTotps, Repository<AccountTotp, Long> {

}
