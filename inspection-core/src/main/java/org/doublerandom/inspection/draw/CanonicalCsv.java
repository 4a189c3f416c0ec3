package org.doublerandom.inspection.draw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.doublerandom.inspection.inspector.InspectorKind;

/**
 * The canonical byte form of the draw's input files: ASCII (a subset of UTF-8, since every field is a
 * token), a header line, one row per line, every line ended by LF, no quoting, rows in strictly ascending
 * bytewise order (so duplicates are impossible and the order does not depend on the database). Two systems
 * that agree on the rows therefore agree on the bytes, and so on the SHA-256 committed in the plan.
 */
public final class CanonicalCsv {

	public static final String ROSTER_HEADER = "inspector_id,department,kind,prior_load,items";

	public static final String CONFLICTS_HEADER = "inspector_id,target_id,reason";

	public static final String HISTORY_HEADER = "target_id,inspector_id";

	private CanonicalCsv() {
	}

	public static String poolHeader(List<String> attributes) {
		return "target_id," + String.join(",", attributes) + ",excluded";
	}

	/** What the plan commits to for one file: its hash, its number of data rows and (pool) its Merkle root. */
	public record FileDigest(String sha256, long rows, String merkleRoot) {
	}

	/**
	 * Writes a canonical file line by line (lines must already come in order) and hashes it on the way: the
	 * file's SHA-256 on the caller's thread, its Merkle tree on a second one (a large pool's tree is about
	 * four hashes a row, its file hash a fraction of one).
	 */
	public static final class Writer {

		private final OutputStream out;

		private final MessageDigest digest = Sha256.newDigest();

		private final MerkleTree.BackgroundBuilder merkle = new MerkleTree.BackgroundBuilder();

		private final String what;

		private String previous;

		public Writer(OutputStream out, String header, String what) {
			this.out = out;
			this.what = what;
			emit(header.getBytes(StandardCharsets.US_ASCII));
		}

		private byte[] previousBytes;

		public void add(String line) {
			String before = previous();
			if (before != null && before.compareTo(line) >= 0) {
				throw new DrawInputException(this.what + ": rows must be unique and in ascending order ('" + before
						+ "' before '" + line + "')");
			}
			this.previous = line;
			this.previousBytes = null;
			byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
			this.merkle.add(bytes);
			emit(bytes);
		}

		/**
		 * A line given as its UTF-8 bytes (a database's COPY output), without building a {@code String} for each
		 * of millions of rows. Exactly {@link #add(String)} of the decoded line: an ASCII line (every canonical
		 * one) is compared and written as it is, anything else goes through {@code add(String)}.
		 */
		public void addUtf8(byte[] line) {
			boolean ascii = true;
			for (byte b : line) {
				if (b < 0) {
					ascii = false;
					break;
				}
			}
			if (!ascii || (this.previous != null && this.previousBytes == null)) {
				add(new String(line, StandardCharsets.UTF_8));
				return;
			}
			// for ASCII, unsigned byte order is String order (UTF-16 code units)
			if (this.previousBytes != null && java.util.Arrays.compareUnsigned(this.previousBytes, line) >= 0) {
				throw new DrawInputException(this.what + ": rows must be unique and in ascending order ('" + previous()
						+ "' before '" + new String(line, StandardCharsets.US_ASCII) + "')");
			}
			this.previousBytes = line;
			this.merkle.add(line);
			emit(line);
		}

		private String previous() {
			if (this.previousBytes != null) {
				this.previous = new String(this.previousBytes, StandardCharsets.US_ASCII);
				this.previousBytes = null;
			}
			return this.previous;
		}

		private void emit(byte[] line) {
			this.digest.update(line);
			this.digest.update((byte) '\n');
			try {
				this.out.write(line);
				this.out.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public FileDigest finish() {
			MerkleTree.Builder tree = this.merkle.finish();
			return new FileDigest(Sha256.hex(this.digest.digest()), tree.count(), Sha256.hex(tree.root()));
		}

	}

	static byte[] sortedFile(String header, Collection<String> lines, String what) {
		List<String> sorted = new ArrayList<>(lines);
		sorted.sort(null);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Writer writer = new Writer(out, header, what);
		sorted.forEach(writer::add);
		return out.toByteArray();
	}

	public static byte[] pool(List<String> attributes, Collection<PoolRow> rows) {
		List<String> lines = new ArrayList<>(rows.size());
		for (PoolRow row : rows) {
			if (row.attributes().size() != attributes.size()) {
				throw new DrawInputException("pool row " + row.targetId() + " has " + row.attributes().size()
						+ " stratum values, the plan names " + attributes.size());
			}
			lines.add(row.line());
		}
		return sortedFile(poolHeader(attributes), lines, "pool.csv");
	}

	public static byte[] roster(Collection<RosterRow> rows) {
		return sortedFile(ROSTER_HEADER, rows.stream().map(RosterRow::line).toList(), "roster.csv");
	}

	public static byte[] conflicts(Collection<ConflictRow> rows) {
		return sortedFile(CONFLICTS_HEADER, rows.stream().map(ConflictRow::line).toList(), "conflicts.csv");
	}

	public static byte[] history(Collection<HistoryRow> rows) {
		return sortedFile(HISTORY_HEADER, rows.stream().map(HistoryRow::line).toList(), "history.csv");
	}

	/** Hash, row count and Merkle root of a canonical file already in memory (validated on the way). */
	public static FileDigest digest(byte[] file, String header, String what) {
		return read(new java.io.ByteArrayInputStream(file), header, -1, (fields, line) -> {
		}, what);
	}

	@FunctionalInterface
	public interface RowHandler {

		void row(String[] fields, long lineNumber);

	}

	/**
	 * Streams a canonical file, refusing anything not in canonical form: other bytes than printable ASCII
	 * without space, CR, a missing final LF, a wrong header, rows out of order or with the wrong number of
	 * fields. Returns the file's digest, computed over exactly the bytes read.
	 */
	public static FileDigest read(InputStream in, String header, int fields, RowHandler handler, String what) {
		MessageDigest digest = Sha256.newDigest();
		MerkleTree.Builder merkle = new MerkleTree.Builder();
		byte[] buffer = new byte[1 << 16];
		byte[] line = new byte[256];
		int length = 0;
		long lineNumber = 0;
		String previous = null;
		int expectedFields = (fields < 0) ? header.split(",", -1).length : fields;
		try {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
				for (int i = 0; i < n; i++) {
					byte b = buffer[i];
					if (b != '\n') {
						if (b < 0x21 || b > 0x7e) {
							throw new DrawInputException(what + " line " + (lineNumber + 1)
									+ ": only printable ASCII without spaces, LF line ends (byte " + (b & 0xff) + ")");
						}
						if (length == line.length) {
							line = Arrays.copyOf(line, length * 2);
						}
						line[length++] = b;
						continue;
					}
					lineNumber++;
					String text = new String(line, 0, length, StandardCharsets.US_ASCII);
					length = 0;
					if (lineNumber == 1) {
						if (!text.equals(header)) {
							throw new DrawInputException(what + ": the header must be '" + header + "', not '" + text + "'");
						}
						continue;
					}
					if (previous != null && previous.compareTo(text) >= 0) {
						throw new DrawInputException(what + " line " + lineNumber + ": rows must be unique and in ascending byte order");
					}
					previous = text;
					String[] parts = text.split(",", -1);
					if (parts.length != expectedFields) {
						throw new DrawInputException(what + " line " + lineNumber + ": " + parts.length + " fields, expected "
								+ expectedFields);
					}
					merkle.add(text.getBytes(StandardCharsets.US_ASCII));
					handler.row(parts, lineNumber);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (length != 0) {
			throw new DrawInputException(what + ": the last line must end with LF");
		}
		if (lineNumber == 0) {
			throw new DrawInputException(what + " is empty; even an empty list has its header line");
		}
		return new FileDigest(Sha256.hex(digest.digest()), merkle.count(), Sha256.hex(merkle.root()));
	}

	public static List<PoolRow> readPool(InputStream in, List<String> attributes) {
		List<PoolRow> rows = new ArrayList<>();
		read(in, poolHeader(attributes), -1, (f, n) -> rows.add(poolRow(f, attributes.size(), n)), "pool.csv");
		return rows;
	}

	static PoolRow poolRow(String[] f, int attributes, long lineNumber) {
		try {
			return new PoolRow(f[0], Arrays.asList(f).subList(1, 1 + attributes), f[attributes + 1]);
		}
		catch (DrawInputException ex) {
			throw new DrawInputException("pool.csv line " + lineNumber + ": " + ex.detail());
		}
	}

	public static List<RosterRow> readRoster(InputStream in) {
		List<RosterRow> rows = new ArrayList<>();
		read(in, ROSTER_HEADER, -1, (f, n) -> {
			try {
				InspectorKind kind = switch (f[2]) {
					case "OFFICER" -> InspectorKind.OFFICER;
					case "EXPERT" -> InspectorKind.EXPERT;
					default -> throw new DrawInputException("kind must be OFFICER or EXPERT");
				};
				if (!f[3].matches("0|[1-9][0-9]{0,6}")) {
					throw new DrawInputException("prior load must be a decimal integer without leading zeros");
				}
				List<String> items = f[4].isEmpty() ? List.of() : List.of(f[4].split("\\|", -1));
				RosterRow row = new RosterRow(f[0], f[1], kind, Long.parseLong(f[3]), items);
				if (!row.line().equals(String.join(",", f))) {
					throw new DrawInputException("items must be sorted, unique and joined by '|'");
				}
				rows.add(row);
			}
			catch (DrawInputException ex) {
				throw new DrawInputException("roster.csv line " + n + ": " + ex.detail());
			}
		}, "roster.csv");
		return rows;
	}

	public static List<ConflictRow> readConflicts(InputStream in) {
		List<ConflictRow> rows = new ArrayList<>();
		read(in, CONFLICTS_HEADER, -1, (f, n) -> rows.add(new ConflictRow(f[0], f[1], f[2])), "conflicts.csv");
		return rows;
	}

	public static List<HistoryRow> readHistory(InputStream in) {
		List<HistoryRow> rows = new ArrayList<>();
		read(in, HISTORY_HEADER, -1, (f, n) -> rows.add(new HistoryRow(f[0], f[1])), "history.csv");
		return rows;
	}

}
