package org.doublerandom.inspection.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX file or a CSV file as a stream of rows, never the whole file into memory.
 * The content decides the format, not the file name: an XLSX is a zip package with a workbook, a CSV is text
 * (UTF-8, or GB18030 as Chinese Excel saves it); anything else is refused.
 */
public final class SpreadsheetReader {

	public enum Format {

		CSV, XLSX

	}

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final int SNIFF = 64 * 1024;

	private SpreadsheetReader() {
	}

	/** Reads every row (header first) into the handler; throws {@link SpreadsheetException} for a bad file. */
	public static Format read(Path file, ReadLimits limits, RowHandler handler) {
		try {
			long size = Files.size(file);
			if (size == 0) {
				throw new SpreadsheetException("file.empty");
			}
			if (size > limits.maxBytes()) {
				throw new SpreadsheetException("file.tooLarge", ReadLimits.describe(limits.maxBytes()));
			}
			byte[] head = new byte[(int) Math.min(SNIFF, size)];
			try (InputStream in = Files.newInputStream(file)) {
				in.readNBytes(head, 0, head.length);
			}
			if (startsWith(head, ZIP)) {
				readXlsx(file, limits, handler);
				return Format.XLSX;
			}
			if (startsWith(head, OLE2)) {
				throw new SpreadsheetException("file.legacyXls");
			}
			for (byte b : head) {
				if (b == 0) {
					throw new SpreadsheetException("file.notSpreadsheet");
				}
			}
			readCsv(file, charsetOf(file), limits, handler);
			return Format.CSV;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void readCsv(Path file, Charset charset, ReadLimits limits, RowHandler handler) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		RowCounter counter = new RowCounter(limits.maxRows());
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
				CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(format).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			int rowNumber = 0;
			int delivered = 0;
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					throw new SpreadsheetException("file.csvMalformed", rowNumber + 1);
				}
				rowNumber++;
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(cell -> cells.add(clean(cell)));
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				counter.count(rowNumber);
				handler.row(rowNumber, cells);
				delivered++;
			}
			// a file of blank lines is as empty as a file of no bytes (found by SpreadsheetReaderFuzzTests)
			if (delivered == 0) {
				throw new SpreadsheetException("file.empty");
			}
		}
	}

	static void readXlsx(Path file, ReadLimits limits, RowHandler handler) {
		// POI checks every zip entry against these while inflating: a bomb stops at the first bad ratio
		ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
		ZipSecureFile.setMaxEntrySize(limits.maxInflatedEntryBytes());
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new SpreadsheetException("file.empty");
			}
			SheetRows rows = new SheetRows(handler, new RowCounter(limits.maxRows()));
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = SAXHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows,
						new IsoDateFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
			if (rows.rowsSeen == 0) {
				throw new SpreadsheetException("file.empty");
			}
		}
		catch (SpreadsheetException ex) {
			throw ex;
		}
		catch (NotOfficeXmlFileException | InvalidFormatException ex) {
			throw new SpreadsheetException("file.notSpreadsheet");
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw translate(ex);
		}
	}

	private static RuntimeException translate(Exception ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SpreadsheetException spreadsheet) {
				return spreadsheet;
			}
			String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("zip bomb") || message.contains("inflate") || message.contains("max entry size")
					|| message.contains("exceeds the maximum")) {
				return new SpreadsheetException("file.zipBomb");
			}
		}
		return new SpreadsheetException("file.notSpreadsheet");
	}

	/** UTF-8 when the bytes are valid UTF-8, else GB18030 (what Excel saves as "CSV" on Chinese Windows). */
	static Charset charsetOf(Path file) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = in.readNBytes(1024 * 1024);
			int end = buffer.length;
			// do not judge a multi-byte character cut at the buffer's end
			while (end > 0 && end > buffer.length - 4 && (buffer[end - 1] & 0xC0) == 0x80) {
				end--;
			}
			if (end > 0 && (buffer[end - 1] & 0xC0) == 0xC0) {
				end--;
			}
			decoder.decode(ByteBuffer.wrap(Arrays.copyOf(buffer, end)));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("GB18030");
		}
	}

	private static BufferedReader skipBom(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static String clean(String cell) {
		return (cell == null) ? "" : cell.replace('\u00A0', ' ').strip();
	}

	private static final class RowCounter {

		private final int max;

		private int dataRows;

		RowCounter(int max) {
			this.max = max;
		}

		void count(int rowNumber) {
			if (rowNumber > 1 && ++this.dataRows > this.max) {
				throw new SpreadsheetException("file.tooManyRows", this.max);
			}
		}

	}

	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private final RowCounter counter;

		private List<String> cells = new ArrayList<>();

		private int rowsSeen;

		SheetRows(RowHandler handler, RowCounter counter) {
			this.handler = handler;
			this.counter = counter;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (this.cells.stream().allMatch(String::isEmpty)) {
				return;
			}
			this.rowsSeen++;
			this.counter.count(rowNum + 1);
			this.handler.row(rowNum + 1, this.cells);
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add(clean(formattedValue));
		}

	}

	/**
	 * Dates as ISO (2026-01-31) whatever the cell's display format, and whole numbers in full (a 15-digit
	 * registration number typed as a number must not become 1.50602E+14).
	 */
	private static final class IsoDateFormatter extends DataFormatter {

		IsoDateFormatter() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing)
					.toLocalDate()
					.format(DateTimeFormatter.ISO_LOCAL_DATE);
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e17) {
				return String.valueOf((long) value);
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

}
