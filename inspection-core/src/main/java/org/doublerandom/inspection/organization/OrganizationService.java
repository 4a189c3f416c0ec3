package org.doublerandom.inspection.organization;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Regions and departments: everyone on staff reads them; the system administrator adds departments. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

	private final Regions regions;

	private final Departments departments;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	/**
	 * The regions, read once: they change only through Flyway migrations, which run before the app serves a
	 * request, and every public page shows their names (a JPA query on each was 6 % of a page's CPU).
	 */
	private volatile List<Region> regionList;

	public OrganizationService(Regions regions, Departments departments, CurrentActor actor, AuditTrail audit,
			Clock clock) {
		this.regions = regions;
		this.departments = departments;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** In their order; the list is immutable and shared. No transaction of its own once read. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Region> regions() {
		List<Region> read = this.regionList;
		if (read == null) {
			read = List.copyOf(this.regions.findAllByOrderBySortOrderAsc());
			this.regionList = read;
		}
		return read;
	}

	public List<Department> departments() {
		return this.departments.findAllByOrderByRegionCodeAscSortOrderAscIdAsc();
	}

	public Department department(Long id) {
		return this.departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
	}

	/**
	 * Adds a department. Refuses a duplicate code, a duplicate name within the region and an unknown region,
	 * each on its own form field.
	 */
	@Transactional
	public Department addDepartment(NewDepartment command) {
		this.actor.get().require("department.add", Role.SYS_ADMIN);
		return add(command);
	}

	/** Adds a department outside any user request (installation, demo data). */
	@Transactional
	public Department provisionDepartment(NewDepartment command) {
		this.actor.get().requireSystem("department.provision");
		return add(command);
	}

	public Optional<Department> departmentByCode(String code) {
		return this.departments.findByCode(code);
	}

	private Department add(NewDepartment command) {
		if (this.departments.existsByCode(command.code())) {
			throw new DomainException("department.code.duplicate", "code", command.code());
		}
		if (this.regions.findByCode(command.regionCode()).isEmpty()) {
			throw new DomainException("department.region.unknown", "regionCode", command.regionCode());
		}
		if (this.departments.existsByRegionCodeAndName(command.regionCode(), command.name())) {
			throw new DomainException("department.name.duplicate", "name", command.name());
		}
		int sortOrder = (int) this.departments.count() + 1;
		Department saved = this.departments.save(new Department(command.code(), command.name(), command.nameEn(),
				command.shortName(), command.regionCode(), command.enforcing(), sortOrder, this.clock.instant()));
		this.audit.success("department.add", "department", saved.getId(), saved.getCode() + " " + saved.getName());
		return saved;
	}

}
