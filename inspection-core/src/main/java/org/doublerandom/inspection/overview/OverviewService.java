package org.doublerandom.inspection.overview;

import org.doublerandom.inspection.account.UserAccounts;
import org.doublerandom.inspection.audit.AuditEvents;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.organization.Regions;
import org.doublerandom.inspection.vocabulary.DictionaryEntries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts shown on the staff home page (工作台). Grows as registries, plans and draws land. */
@Service
@Transactional(readOnly = true)
public class OverviewService {

	private final Regions regions;

	private final Departments departments;

	private final UserAccounts accounts;

	private final DictionaryEntries dictionary;

	private final AuditEvents audit;

	public OverviewService(Regions regions, Departments departments, UserAccounts accounts,
			DictionaryEntries dictionary, AuditEvents audit) {
		this.regions = regions;
		this.departments = departments;
		this.accounts = accounts;
		this.dictionary = dictionary;
		this.audit = audit;
	}

	public OverviewFigures figures() {
		return new OverviewFigures(this.regions.count(), this.departments.count(),
				this.departments.countByEnforcingTrueAndActiveTrue(), this.accounts.count(),
				this.accounts.countByEnabledTrue(), this.dictionary.count(), this.audit.count());
	}

}
