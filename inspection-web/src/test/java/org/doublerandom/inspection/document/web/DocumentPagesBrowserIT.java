package org.doublerandom.inspection.document.web;

import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.doublerandom.inspection.web.BrowserTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer of the lead department goes from the task page to its documents, previews the joint check sheet
 * in the browser (the CSP allows no inline style, so the preview links the stylesheet) and downloads its PDF.
 */
class DocumentPagesBrowserIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOfficerOpensTheDocumentsOfTheDrawnTaskPreviewsTheCheckSheetAndDownloadsItsPdf() throws Exception {
		long task = this.jdbc.queryForObject("select d.task_id from draw d join draw_result r on r.draw_id = d.id "
				+ "where d.demo and r.status = 'ASSIGNED' and d.voided_at is null order by d.id limit 1", Long.class);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900)
			.setAcceptDownloads(true))) {
			Page page = context.newPage();
			signIn(page, "scjg-officer1");
			page.navigate(url("/tasks/" + task));
			page.click("#open-documents");
			page.waitForURL(u -> u.endsWith("/tasks/" + task + "/documents"));
			assertThat(page.locator("#documents .list-group-item").count()).isEqualTo(3);
			screenshot(page, "documents-index");

			page.click("#document-preview-check-sheet");
			page.waitForLoadState();
			assertThat(page.locator("h1").first().textContent()).isEqualTo("部门联合检查表");
			assertThat(page.locator("#check-sheet .department").count()).isGreaterThanOrEqualTo(3);
			screenshot(page, "documents-check-sheet-preview");

			Download download = page.waitForDownload(() -> page.click("#document-pdf-check-sheet"));
			byte[] pdf = Files.readAllBytes(download.path());
			assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			assertThat(download.suggestedFilename()).endsWith("-check-sheet.pdf");
		}
	}

}
