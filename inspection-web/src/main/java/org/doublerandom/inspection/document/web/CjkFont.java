package org.doublerandom.inspection.document.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font the PDFs embed: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei, a TrueType collection
 * (.ttc) of a proportional and a monospaced face. It has TrueType outlines, so PDFBox can subset it and write a
 * ToUnicode map: the PDF carries only the glyphs used and its text can be searched and copied (CFF-based CJK
 * fonts such as Noto CJK break PDFBox's subsetting). A plain .ttf file works too.
 */
final class CjkFont {

	/** The family name the document stylesheet asks for. */
	static final String FAMILY = "WenQuanYi Micro Hei";

	/** The PostScript name of the proportional face inside wqy-microhei.ttc. */
	static final String FACE = "WenQuanYiMicroHei";

	private final Path file;

	CjkFont(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	boolean exists() {
		return Files.isReadable(this.file);
	}

	/** Thrown when the configured font file is missing or unreadable; says which file and how to get it. */
	static final class MissingFontException extends RuntimeException {

		private final Path file;

		MissingFontException(Path file, Exception cause) {
			super("The CJK font for PDF documents is missing or unreadable: " + file
					+ ". Install the Debian package fonts-wqy-microhei or set inspection.documents.cjk-font to a TrueType"
					+ " font (.ttf or .ttc).", cause);
			this.file = file;
		}

		Path file() {
			return this.file;
		}

	}

	/**
	 * The font, opened for one document; the caller keeps the returned handle open until the document is
	 * saved, because the subset is cut from the font file at save time.
	 */
	Loaded load(PDDocument document) {
		if (!exists()) {
			throw new MissingFontException(this.file, null);
		}
		try {
			if (this.file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
				TrueTypeCollection collection = new TrueTypeCollection(this.file.toFile());
				TrueTypeFont face = collection.getFontByName(FACE);
				if (face == null) {
					// another collection: its first face
					List<TrueTypeFont> faces = new ArrayList<>();
					collection.processAllFonts(faces::add);
					if (faces.isEmpty()) {
						collection.close();
						throw new MissingFontException(this.file, null);
					}
					face = faces.get(0);
				}
				return new Loaded(PDType0Font.load(document, face, true), collection);
			}
			return new Loaded(PDType0Font.load(document, this.file.toFile()), null);
		}
		catch (IOException ex) {
			throw new MissingFontException(this.file, ex);
		}
	}

	/** The embedded font and the collection it was cut from (closed after the document is written). */
	record Loaded(PDType0Font font, TrueTypeCollection collection) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (this.collection != null) {
				this.collection.close();
			}
		}

	}

}
