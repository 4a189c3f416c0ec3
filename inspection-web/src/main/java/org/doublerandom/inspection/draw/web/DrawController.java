package org.doublerandom.inspection.draw.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.draw.DrawCeremonyService;
import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.draw.SecondApprover;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 抽取仪式 on the task: pre-check → freeze → commit → source values → draw → review teams, each a POST that
 * redirects back to the page with the outcome or the refusal and its reason.
 */
@Controller
@RequestMapping("/tasks/{id}/draw")
class DrawController {

	record DrandForm(String round, String randomness, String signature) {
	}

	record AmendForm(String target, String department, String slot, String absent, String reason, String approver,
			String approverPassword) {

		SecondApprover.Approval approval() {
			return new SecondApprover.Approval(this.approver, this.approverPassword);
		}

	}

	record VoidForm(String reason, String approver, String approverPassword) {

		SecondApprover.Approval approval() {
			return new SecondApprover.Approval(this.approver, this.approverPassword);
		}

	}

	record LotteryForm(String issue, String date, String numbers, String announcement) {
	}

	record WitnessForm(String commitment, String reveal) {
	}

	private final DrawCeremonyService ceremony;

	DrawController(DrawCeremonyService ceremony) {
		this.ceremony = ceremony;
	}

	@GetMapping
	String page(@PathVariable Long id, Model model) {
		DrawCeremonyService.Ceremony c = this.ceremony.ceremony(id);
		model.addAttribute("c", c);
		model.addAttribute("task", c.task());
		c.result().ifPresent(r -> {
			model.addAttribute("teams", DrawCeremonyService.teams(r));
			model.addAttribute("assignment", DrawCeremonyService.assignment(r));
		});
		c.draw().filter(d -> c.result().isPresent()).map(d -> this.ceremony.publicDraw(d.id())).ifPresentOrElse(p -> {
			model.addAttribute("inspectors", p.inspectors());
			model.addAttribute("targets", p.targets());
		}, () -> {
			model.addAttribute("inspectors", Map.<String, DrawStore.Name>of());
			model.addAttribute("targets", Map.<String, DrawStore.Name>of());
		});
		return "draw/ceremony";
	}

	@PostMapping("/precheck")
	String precheck(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "draw.done.precheck", () -> this.ceremony.precheck(id));
	}

	@PostMapping("/freeze")
	String freeze(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "draw.done.freeze", () -> this.ceremony.freeze(id));
	}

	@PostMapping("/commit")
	String commit(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "draw.done.commit", () -> this.ceremony.commit(id));
	}

	@PostMapping("/drand")
	String drand(@PathVariable Long id, @ModelAttribute DrandForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.source", () -> {
			long round;
			try {
				round = Long.parseLong(form.round() == null ? "" : form.round().strip());
			}
			catch (NumberFormatException ex) {
				throw new DomainException("draw.refused.roundNumber", "round");
			}
			this.ceremony.enterDrand(id, round, form.randomness(), form.signature());
		});
	}

	/** 开奖号码: the issue, its date and the numbers as announced (any separators), with the announcement's address. */
	@PostMapping("/lottery")
	String lottery(@PathVariable Long id, @ModelAttribute LotteryForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.source", () -> {
			LocalDate date;
			try {
				date = LocalDate.parse(trim(form.date()));
			}
			catch (DateTimeParseException ex) {
				throw new DomainException("draw.refused.lotteryDateForm", "date");
			}
			if (!trim(form.numbers()).matches("[0-9\\s,，、.;；]*")) {
				throw new DomainException("draw.refused.lotteryNumbers", "numbers");
			}
			List<Integer> numbers = new ArrayList<>();
			for (String n : trim(form.numbers()).split("[^0-9]+")) {
				if (n.isEmpty()) {
					continue;
				}
				if (n.length() > 3) {
					throw new DomainException("draw.refused.lotteryNumbers", "numbers");
				}
				numbers.add(Integer.parseInt(n));
			}
			this.ceremony.enterLottery(id, trim(form.issue()), date, numbers, trim(form.announcement()));
		});
	}

	@PostMapping("/witness-commit")
	String witnessCommit(@PathVariable Long id, @ModelAttribute WitnessForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.witnessCommit", () -> this.ceremony.commitWitness(id, trim(form.commitment())));
	}

	@PostMapping("/witness-reveal")
	String witnessReveal(@PathVariable Long id, @ModelAttribute WitnessForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.witnessReveal", () -> this.ceremony.revealWitness(id, trim(form.reveal())));
	}

	@PostMapping("/run")
	String run(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "draw.done.run", () -> this.ceremony.draw(id));
	}

	@PostMapping("/confirm")
	String confirm(@PathVariable Long id, @org.springframework.web.bind.annotation.RequestParam(name = "digest",
			required = false) String digest, RedirectAttributes flash) {
		return step(id, flash, "draw.done.confirm", () -> this.ceremony.confirmTeams(id, digest));
	}

	@PostMapping("/dispatch")
	String dispatch(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "draw.done.dispatch", () -> this.ceremony.dispatch(id));
	}

	@PostMapping("/replace-target")
	String replaceTarget(@PathVariable Long id, @ModelAttribute AmendForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.amend",
				() -> this.ceremony.replaceTarget(id, trim(form.target()), trim(form.reason()), form.approval()));
	}

	@PostMapping("/replace-inspector")
	String replaceInspector(@PathVariable Long id, @ModelAttribute AmendForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.amend", () -> {
			int slot;
			try {
				slot = Integer.parseInt(trim(form.slot()));
			}
			catch (NumberFormatException ex) {
				throw new DomainException("draw.refused.slotNumber", "slot");
			}
			this.ceremony.replaceInspector(id, trim(form.target()), trim(form.department()), slot, trim(form.absent()),
					trim(form.reason()), form.approval());
		});
	}

	@PostMapping("/void")
	String voidDraw(@PathVariable Long id, @ModelAttribute VoidForm form, RedirectAttributes flash) {
		return step(id, flash, "draw.done.void", () -> this.ceremony.voidDraw(id, form.reason(), form.approval()));
	}

	private static String trim(String value) {
		return (value == null) ? "" : value.strip();
	}

	private String step(Long id, RedirectAttributes flash, String done, Runnable action) {
		FormErrors.step(flash, done, action);
		return "redirect:/tasks/" + id + "/draw";
	}


}
