package org.doublerandom.inspection.oversight.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.oversight.Dashboard;
import org.doublerandom.inspection.oversight.DashboardService;
import org.doublerandom.inspection.oversight.Figure;
import org.doublerandom.inspection.spreadsheet.SpreadsheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 统计分析: the dashboard page (figures as tables, charts drawn by static/js/dashboard.js from the JSON of
 * {@code /charts}), and each figure as CSV. The service decides the scope; the parameters only ask.
 */
@Controller
class DashboardController {

	private final DashboardService dashboards;

	private final MessageSource messages;

	private final Clock clock;

	DashboardController(DashboardService dashboards, MessageSource messages, Clock clock) {
		this.dashboards = dashboards;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/oversight/dashboard")
	String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long department,
			Model model, Locale locale) {
		Dashboard dashboard = this.dashboards.dashboard(year, department);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("figures", views(dashboard.figures(), locale));
		return "oversight/dashboard";
	}

	@GetMapping("/oversight/dashboard/charts")
	@ResponseBody
	List<FigureView.Chart> charts(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long department, Locale locale) {
		Dashboard dashboard = this.dashboards.dashboard(year, department);
		return views(dashboard.figures(), locale).stream().filter(f -> !"TABLE".equals(f.chart())).map(FigureView::toChart).toList();
	}

	/** The figure's table as CSV, formula text neutralised; recorded as an export. */
	@GetMapping("/oversight/dashboard/export.csv")
	void export(@RequestParam String figure, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long department, Locale locale, HttpServletResponse response)
			throws IOException {
		FigureView view = FigureView.of(this.dashboards.export(figure, year, department), this.messages, locale);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename(view.title() + "-" + LocalDate.now(this.clock) + ".csv", StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		SpreadsheetWriter.csv(response.getOutputStream(), view.headers(), sink -> view.rows().forEach(sink));
	}

	private List<FigureView> views(List<Figure> figures, Locale locale) {
		return figures.stream().map(f -> FigureView.of(f, this.messages, locale)).toList();
	}

}
