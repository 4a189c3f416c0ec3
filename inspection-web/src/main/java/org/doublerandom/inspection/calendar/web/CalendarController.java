package org.doublerandom.inspection.calendar.web;

import java.time.LocalDate;

import org.doublerandom.inspection.calendar.CalendarService;
import org.doublerandom.inspection.calendar.CalendarYear;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历维护 for the system administrator: the years entered, and each year's holidays and make-up days. */
@Controller
@RequestMapping("/admin/calendar")
class CalendarController {

	private final CalendarService calendar;

	private final WorkingDays workingDays;

	CalendarController(CalendarService calendar, WorkingDays workingDays) {
		this.calendar = calendar;
		this.workingDays = workingDays;
	}

	@GetMapping
	String page(@RequestParam(name = "year", required = false) Integer year, Model model) {
		var years = this.calendar.years();
		int shown = (year != null) ? year
				: years.stream().map(CalendarYear::getYear).filter(y -> y == this.workingDays.today().getYear()).findFirst()
					.orElse(this.workingDays.today().getYear());
		model.addAttribute("years", years);
		model.addAttribute("year", shown);
		model.addAttribute("days", this.calendar.days(shown));
		model.addAttribute("missingYears", this.workingDays.missingYears());
		return "calendar/admin";
	}

	@PostMapping("/days")
	String addDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		FormErrors.step(flash, "calendar.day.added", () -> this.calendar.addDay(day, note));
		return "redirect:/admin/calendar" + ((day != null) ? "?year=" + day.getYear() : "");
	}

	@PostMapping("/days/delete")
	String removeDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes flash) {
		if (day == null) {
			flash.addFlashAttribute("refusal", "calendar.day.required");
			flash.addFlashAttribute("refusalArgs", new Object[0]);
			return "redirect:/admin/calendar";
		}
		FormErrors.step(flash, "calendar.day.removed", () -> this.calendar.removeDay(day));
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	@PostMapping("/years")
	String addYear(@RequestParam(required = false) Integer year, @RequestParam(required = false) String source,
			RedirectAttributes flash) {
		FormErrors.step(flash, "calendar.year.added", () -> this.calendar.addYear(year, source));
		return "redirect:/admin/calendar" + ((year != null) ? "?year=" + year : "");
	}

	@PostMapping("/years/delete")
	String removeYear(@RequestParam(required = false) Integer year, RedirectAttributes flash) {
		if (year == null) {
			flash.addFlashAttribute("refusal", "calendar.year.range");
			flash.addFlashAttribute("refusalArgs", new Object[] { 2000, 2100 });
			return "redirect:/admin/calendar";
		}
		FormErrors.step(flash, "calendar.year.removed", () -> this.calendar.removeYear(year));
		return "redirect:/admin/calendar";
	}

}
