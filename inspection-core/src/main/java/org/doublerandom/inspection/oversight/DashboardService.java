package org.doublerandom.inspection.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 统计分析: the bureau sees the whole city (or one department it picks), a department manager its own
 * department's plans and tasks whatever it asks for. The scope is decided here and applied by every
 * {@link FigureSource} in its queries.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	private final List<FigureSource> sources;

	private final Departments departments;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public DashboardService(List<FigureSource> sources, Departments departments, CurrentActor actor, AuditTrail audit,
			Clock clock) {
		this.sources = sources.stream().sorted(Comparator.comparingInt(FigureSource::order)).toList();
		this.departments = departments;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	public Dashboard dashboard(Integer year, Long departmentId) {
		Actor me = this.actor.get();
		me.require("oversight.dashboard", Role.BUREAU, Role.DEPT_MANAGER);
		DashboardScope scope = scope(me, year, departmentId);
		List<Indicator> indicators = new ArrayList<>();
		List<Figure> figures = new ArrayList<>();
		TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
		years.add(currentYear());
		years.add(scope.year());
		for (FigureSource source : this.sources) {
			indicators.addAll(source.indicators(scope));
			figures.addAll(source.figures(scope));
			years.addAll(source.years(scope));
		}
		Optional<Department> department = Optional.ofNullable(scope.departmentId()).flatMap(this.departments::findById);
		return new Dashboard(scope, department, indicators, figures, List.copyOf(years), departmentChoices());
	}

	/** The departments the bureau may pick (the enforcing ones); none for a department manager. */
	public List<Department> departmentChoices() {
		Actor me = this.actor.get();
		me.require("oversight.dashboard", Role.BUREAU, Role.DEPT_MANAGER);
		return me.has(Role.BUREAU) ? this.departments.findAllByOrderByRegionCodeAscSortOrderAscIdAsc()
			.stream()
			.filter(d -> d.isEnforcing() && d.isActive())
			.toList() : List.of();
	}

	/** One figure for its CSV export, in the same scope as the page; recorded as an export. */
	public Figure export(String key, Integer year, Long departmentId) {
		Actor me = this.actor.get();
		me.require("oversight.export", Role.BUREAU, Role.DEPT_MANAGER);
		DashboardScope scope = scope(me, year, departmentId);
		Figure figure = this.sources.stream()
			.flatMap(s -> s.figures(scope).stream())
			.filter(f -> f.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("figure", key));
		this.audit.recordStandalone(me, "oversight.export", AuditOutcome.SUCCESS, "dashboard figure " + key + " year "
				+ scope.year() + " " + (scope.wholeCity() ? "city" : "department " + scope.departmentId()) + ", "
				+ figure.rows().size() + " rows");
		return figure;
	}

	/** A department manager is held to their department, whatever the request names. */
	DashboardScope scope(Actor me, Integer year, Long departmentId) {
		int y = (year != null && year >= 2000 && year <= 2100) ? year : currentYear();
		if (me.has(Role.BUREAU)) {
			return new DashboardScope(y, departmentId);
		}
		return new DashboardScope(y, me.departmentId());
	}

	private int currentYear() {
		return LocalDate.now(this.clock).getYear();
	}

}
