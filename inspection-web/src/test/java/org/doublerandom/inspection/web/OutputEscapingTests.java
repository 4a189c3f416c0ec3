package org.doublerandom.inspection.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a person typed reaches a page only through Thymeleaf's escaping: no template writes unescaped text
 * ({@code th:utext}, {@code [(...)]}) and no script builds markup from strings. An XSS payload in any text field
 * therefore comes back as text, whichever page shows it; {@code FilterParameterFuzzTests} checks the echo of
 * filters on the rendered pages.
 */
class OutputEscapingTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	static final Pattern UNESCAPED = Pattern.compile("th:utext|data-th-utext|\\[\\(");

	static final Pattern MARKUP_FROM_STRINGS = Pattern
		.compile("\\.innerHTML\\s*[+]?=|\\.outerHTML\\s*=|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");

	/** Reviewed exceptions: the text is ours, never a user's. */
	static final Map<String, String> ALLOWED = Map.of("document/parts.html",
			"the PDF style sheet, read from the application's own resources");

	@Test
	void noTemplateWritesUnescapedText() throws IOException {
		assertThat(offenders(TEMPLATES, ".html", UNESCAPED)).isEmpty();
	}

	@Test
	void noScriptBuildsMarkupFromStrings() throws IOException {
		assertThat(offenders(SCRIPTS, ".js", MARKUP_FROM_STRINGS)).isEmpty();
	}

	private static List<String> offenders(Path root, String suffix, Pattern pattern) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(suffix))
				.filter(file -> !ALLOWED.containsKey(root.relativize(file).toString().replace('\\', '/')))
				.flatMap(file -> lines(file).stream()
					.filter(line -> pattern.matcher(line).find())
					.map(line -> root.relativize(file) + ": " + line.strip()))
				.toList();
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
