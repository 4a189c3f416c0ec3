package org.doublerandom.inspection.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.doublerandom.inspection.spreadsheet.SpreadsheetWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.web.multipart.MultipartFile;

/**
 * What every registry's 批量导入 and 导出 pages share: uploads kept in private temporary files between the
 * preview and the commit, bound to the session and the uploading user, and spreadsheet downloads.
 */
public final class SpreadsheetUploads {

	/**
	 * An uploaded file waiting for its commit. Serializable because the session is stored in PostgreSQL; the
	 * file itself stays on the disk of the instance that received it.
	 */
	public record Upload(String path, String fileName, String owner) implements Serializable {

		public Upload(Path file, String fileName, String owner) {
			this(file.toString(), fileName, owner);
		}

		public Path file() {
			return Path.of(this.path);
		}

	}

	private SpreadsheetUploads() {
	}

	/** The uploads of one registry in this session, by token. */
	@SuppressWarnings("unchecked")
	public static Map<String, Upload> uploads(HttpSession session, String key) {
		Object uploads = session.getAttribute(key);
		if (uploads == null) {
			uploads = new ConcurrentHashMap<String, Upload>();
			session.setAttribute(key, uploads);
		}
		return (Map<String, Upload>) uploads;
	}

	/** Kept outside the web root, under a generated name: the user's file name is only ever displayed. */
	public static Path store(MultipartFile file) {
		try {
			Path directory = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "inspection-imports"));
			Path stored = Files.createTempFile(directory, "upload-", ".bin");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
			}
			return stored;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover temporary file is removed with the temporary directory
		}
	}

	/** The last path segment of the browser's file name, at most 100 characters, for display only. */
	public static String safeName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

	/** Streams a spreadsheet download: {@code format} is "xlsx" or "csv". */
	public static void download(HttpServletResponse response, String fileName, String format, String sheetName,
			List<String> header, Consumer<SpreadsheetWriter.RowSink> rows) throws IOException {
		boolean xlsx = "xlsx".equals(format);
		response.setContentType(
				xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (xlsx) {
			SpreadsheetWriter.xlsx(response.getOutputStream(), sheetName, header, rows);
		}
		else {
			SpreadsheetWriter.csv(response.getOutputStream(), header, rows);
		}
	}

}
