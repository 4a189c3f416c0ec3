package org.doublerandom.inspection.document.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a document template to PDF: the same Thymeleaf template as the HTML preview, with the stylesheet
 * inlined, parsed by jsoup into a DOM and laid out by openhtmltopdf on PDFBox, with the CJK font embedded
 * as a subset.
 */
@Component
public class PdfDocuments {

	private static final Logger log = LoggerFactory.getLogger(PdfDocuments.class);

	private final ITemplateEngine templates;

	private final CjkFont font;

	private final String css;

	PdfDocuments(ITemplateEngine templates,
			@Value("${inspection.documents.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path font) {
		this.templates = templates;
		this.font = new CjkFont(font);
		try (InputStream in = new ClassPathResource("static/css/documents.css").getInputStream()) {
			this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!this.font.exists()) {
			// the application still runs; only the PDF downloads answer with the explanation
			log.warn("PDF documents need a CJK TrueType font at {} (Debian package fonts-wqy-microhei, or set"
					+ " inspection.documents.cjk-font)", font);
		}
	}

	Path fontFile() {
		return this.font.file();
	}

	/** The template rendered with the model and laid out as PDF; other features' printable reports use it too. */
	public byte[] render(String template, Map<String, Object> model, Locale locale) {
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("pdfCss", this.css);
		String html = this.templates.process(template, new Context(locale, variables));
		org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument(); CjkFont.Loaded cjk = this.font.load(document)) {
			PDFontSupplier supplier = new PDFontSupplier(cjk.font());
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(document);
			// one face for every weight: headings stay in the Chinese font instead of a Latin fallback without CJK glyphs
			builder.useFont(supplier, CjkFont.FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(supplier, CjkFont.FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.withW3cDocument(dom, "classpath:/templates/document/");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
