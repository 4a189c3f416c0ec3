package org.doublerandom.inspection.draw.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.draw.DrawCeremonyService;
import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.web.support.PublicFilterBar;
import org.doublerandom.inspection.web.support.PublicFilterForm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 抽取结果公示: committed draws, each with its commitment, sources, seed, allocation, list, reserves, teams
 * (names and departments only) and amendments, and its evidence package. Where credit classes are not public
 * (the default), the package is the public variant of docs/draw-algorithm.md §14.
 */
@Controller
class PublicDrawController {

	private final DrawCeremonyService ceremony;

	private final boolean fullEvidence;

	private final org.doublerandom.inspection.organization.OrganizationService organization;

	private final PublicFilterBar filterBar;

	PublicDrawController(DrawCeremonyService ceremony, org.doublerandom.inspection.organization.OrganizationService organization,
			@Value("${inspection.draw.public-full-evidence:false}") boolean fullEvidence, PublicFilterBar filterBar) {
		this.filterBar = filterBar;
		this.ceremony = ceremony;
		this.organization = organization;
		this.fullEvidence = fullEvidence;
	}

	@GetMapping("/public/draws")
	String list(@ModelAttribute("filter") PublicFilterForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PublicListFilter filter = this.filterBar.resolve(form, binding);
		Page<DrawStore.Stored> result = this.ceremony.publicDraws(filter, form.pageOrFirst(), PublicFilterBar.PAGE_SIZE);
		this.filterBar.show(model, "/public/draws", form, filter, result, response);
		Map<DrawStore.Stored, Task> draws = new LinkedHashMap<>();
		result.forEach(d -> this.ceremony.taskOf(d).ifPresent(t -> draws.put(d, t)));
		model.addAttribute("draws", draws);
		return PublicFilterBar.view(request, "draw/public-list");
	}

	@GetMapping("/public/draws/{id}")
	String detail(@PathVariable Long id, Model model) {
		DrawCeremonyService.PublicDraw d = this.ceremony.publicDraw(id);
		model.addAttribute("d", d);
		d.result().ifPresent(r -> {
			model.addAttribute("teams", DrawCeremonyService.teams(r));
			model.addAttribute("assignment", DrawCeremonyService.assignment(r));
		});
		model.addAttribute("fullEvidence", this.fullEvidence);
		Map<String, String> regions = new LinkedHashMap<>();
		this.organization.regions().forEach(r -> regions.put(r.getCode(), r.getName()));
		model.addAttribute("regionNames", regions);
		return "draw/public-detail";
	}

	@GetMapping("/public/draws/{id}/evidence")
	void evidence(@PathVariable Long id, HttpServletResponse response) throws java.io.IOException {
		// resolved first, so an unknown or undrawn draw is a 404 page rather than a broken download
		DrawCeremonyService.PublicDraw d = this.ceremony.publicDraw(id);
		if (d.result().isEmpty()) {
			throw new org.doublerandom.inspection.shared.NotFoundException("draw", id);
		}
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename=\"draw-" + id + "-evidence.zip\"");
		this.ceremony.writeEvidence(id, this.fullEvidence, response.getOutputStream());
	}

}
