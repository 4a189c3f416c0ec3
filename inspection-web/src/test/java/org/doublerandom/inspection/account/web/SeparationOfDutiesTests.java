package org.doublerandom.inspection.account.web;

import java.util.List;

import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.NewAccount;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.inspector.InspectorSearch;
import org.doublerandom.inspection.inspector.InspectorService;
import org.doublerandom.inspection.item.ItemListService;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.target.TargetQuery;
import org.doublerandom.inspection.target.TargetService;
import org.doublerandom.inspection.vocabulary.VocabularyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 三员分立 in the service layer: whatever a URL rule says, the three administrators do no business work,
 * and none of them does another's job. Each call goes straight to the service as that administrator.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class SeparationOfDutiesTests {

	@Autowired
	UserDetailsService users;

	@Autowired
	TargetService targets;

	@Autowired
	InspectorService inspectors;

	@Autowired
	ItemListService items;

	@Autowired
	VocabularyService vocabulary;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest(name = "{0} may not search the target registry")
	@ValueSource(strings = { "sysadmin", "secadmin", "auditadmin" })
	void anAdministratorCannotReadTheTargetRegistry(String admin) {
		as(admin);
		refused(() -> this.targets.search(new TargetQuery(null, null, null, null, null, null, null, null, null, null,
				TargetQuery.Sort.NAME, false), 0, 20));
	}

	@ParameterizedTest(name = "{0} may not add a target")
	@ValueSource(strings = { "sysadmin", "secadmin", "auditadmin" })
	void anAdministratorCannotAddATarget(String admin) {
		as(admin);
		refused(() -> this.targets.create(null));
	}

	@ParameterizedTest(name = "{0} may not list or add inspectors")
	@ValueSource(strings = { "sysadmin", "secadmin", "auditadmin" })
	void anAdministratorCannotListOrAddInspectors(String admin) {
		as(admin);
		refused(() -> this.inspectors.search(InspectorSearch.any(), 0, 20, null, false));
		refused(() -> this.inspectors.create(null));
	}

	@ParameterizedTest(name = "{0} may not read the item lists")
	@ValueSource(strings = { "sysadmin", "secadmin", "auditadmin" })
	void anAdministratorCannotReadTheItemLists(String admin) {
		as(admin);
		refused(() -> this.items.overview());
	}

	@ParameterizedTest(name = "{0} may not edit a dictionary")
	@ValueSource(strings = { "sysadmin", "secadmin", "auditadmin" })
	void anAdministratorCannotEditADictionary(String admin) {
		as(admin);
		refused(() -> this.vocabulary.relabel(1L, "名称", "Name", true));
	}

	@ParameterizedTest(name = "{0} has no department colleagues")
	@ValueSource(strings = { "sysadmin", "secadmin", "auditadmin" })
	void anAdministratorCannotListDepartmentColleagues(String admin) {
		as(admin);
		refused(() -> this.accounts.colleagues());
	}

	@Test
	void onlyTheSystemAdministratorCreatesAccounts() {
		NewAccount account = new NewAccount("duty.test", "测试", null, "Duty-Test-Pass-2026");
		for (String other : List.of("secadmin", "auditadmin", "bureau")) {
			as(other);
			refused(() -> this.accounts.create(account));
		}
	}

	@Test
	void onlyTheSecurityAdministratorGrantsRoles() {
		for (String other : List.of("sysadmin", "auditadmin", "bureau")) {
			as(other);
			refused(() -> this.accounts.grant(1L, org.doublerandom.inspection.shared.Role.OFFICER));
		}
	}

	@Test
	void onlyTheAuditAdministratorReadsTheAuditTrail() {
		for (String other : List.of("sysadmin", "secadmin", "bureau")) {
			as(other);
			refused(() -> this.audit.recent(0, 10));
		}
	}

	private void as(String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private static void refused(Executable call) {
		assertThatThrownBy(call::execute).isInstanceOf(NotPermittedException.class);
	}

}
