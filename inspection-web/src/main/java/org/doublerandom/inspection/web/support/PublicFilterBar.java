package org.doublerandom.inspection.web.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.organization.RegionLevel;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The one filter bar of the public listings (部门、年度、旗区): checks what was asked, and gives the page the
 * choices, the active filters and the count for the shared fragment {@code fragments/public-filter}. A value the
 * bar never offers (letters for a year, a department or a region that does not exist) came from an edited
 * address: the 400 page, saying which filter, never a list built on half a filter.
 */
@Component
public class PublicFilterBar {

	/** One page of every public listing. */
	public static final int PAGE_SIZE = 20;

	private final OrganizationService organization;

	private final Clock clock;

	public PublicFilterBar(OrganizationService organization, Clock clock) {
		this.organization = organization;
		this.clock = clock;
	}

	/** The filter for the page, or a 400 refusal. */
	public PublicListFilter resolve(PublicFilterForm form, BindingResult binding) {
		FormErrors.refuseUnboundFilter(binding);
		return filter(form.department(), form.year(), form.region());
	}

	/** The filter for the API; an unknown department or region is a {@link DomainException} (400 problem). */
	public PublicListFilter filter(Long department, Integer year, String region) {
		PublicListFilter filter = new PublicListFilter(department, year, region);
		if (filter.departmentId() != null
				&& this.organization.departments().stream().noneMatch(d -> d.getId().equals(filter.departmentId()))) {
			throw new DomainException("public.filter.refused.department", "department");
		}
		if (filter.regionCode() != null
				&& this.organization.regions().stream().noneMatch(r -> r.getCode().equals(filter.regionCode()))) {
			throw new DomainException("public.filter.refused.region", "region");
		}
		return filter;
	}

	/**
	 * What the filter bar and the summary show: the choices, the chosen values, the count and the list address
	 * for the pager. The answer varies with {@code HX-Request} (the rows only, or the whole page), so caches
	 * keep both apart.
	 */
	public void show(Model model, String path, PublicFilterForm form, PublicListFilter filter, Page<?> result,
			HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		List<Department> departments = this.organization.departments()
			.stream()
			.filter(d -> d.isActive() && d.isEnforcing() || d.getId().equals(filter.departmentId()))
			.toList();
		List<Region> regions = this.organization.regions()
			.stream()
			.filter(r -> r.getLevel() == RegionLevel.COUNTY || r.getCode().equals(filter.regionCode()))
			.toList();
		model.addAttribute("filterPath", path);
		model.addAttribute("filter", form);
		model.addAttribute("filterDepartments", departments);
		model.addAttribute("filterRegions", regions);
		model.addAttribute("filterYears", years(filter.year()));
		model.addAttribute("filterDepartment", departments.stream()
			.filter(d -> d.getId().equals(filter.departmentId()))
			.findFirst()
			.orElse(null));
		model.addAttribute("filterRegion",
				regions.stream().filter(r -> r.getCode().equals(filter.regionCode())).findFirst().orElse(null));
		model.addAttribute("filterYear", filter.year());
		model.addAttribute("filterActive", !filter.isEmpty());
		model.addAttribute("result", result);
		model.addAttribute("listUrl", form.url(path));
	}

	/** The rows only for an htmx request, the whole page otherwise (and when htmx restores its history). */
	public static String view(HttpServletRequest request, String template) {
		boolean partial = request.getHeader("HX-Request") != null
				&& request.getHeader("HX-History-Restore-Request") == null;
		return partial ? template + " :: results" : template;
	}

	/** Next year back to five years ago, and the chosen year if it is outside them. */
	private List<Integer> years(Integer chosen) {
		int now = LocalDate.now(this.clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = now + 1; y >= now - 5; y--) {
			years.add(y);
		}
		if (chosen != null && !years.contains(chosen)) {
			years.add(chosen);
			years.sort(java.util.Comparator.reverseOrder());
		}
		return years;
	}

}
