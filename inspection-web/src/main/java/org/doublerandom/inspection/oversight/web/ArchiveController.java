package org.doublerandom.inspection.oversight.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.oversight.ArchiveService;
import org.doublerandom.inspection.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 存档: a task's dossier as a ZIP, streamed to the browser. */
@Controller
class ArchiveController {

	private final ArchiveService archive;

	ArchiveController(ArchiveService archive) {
		this.archive = archive;
	}

	@GetMapping("/oversight/tasks/{id}/dossier")
	void dossier(@PathVariable long id, HttpServletResponse response) throws IOException {
		// checked before the response starts, so a refusal is still an error page
		Task task = this.archive.archivable(id);
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename(task.getCode() + "-存档.zip", StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		this.archive.writeDossier(id, response.getOutputStream());
	}

}
