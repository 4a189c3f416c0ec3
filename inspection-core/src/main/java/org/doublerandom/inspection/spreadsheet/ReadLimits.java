package org.doublerandom.inspection.spreadsheet;

/**
 * What an uploaded file may be: its size on disk, its number of data rows, and for XLSX the size an entry may
 * inflate to and the smallest compression ratio accepted (below it the file is treated as a zip bomb).
 */
public record ReadLimits(long maxBytes, int maxRows, long maxInflatedEntryBytes, double minInflateRatio) {

	public static ReadLimits uploads() {
		return uploads(100L * 1024 * 1024, 500_000);
	}

	public static ReadLimits uploads(long maxBytes, int maxRows) {
		return new ReadLimits(maxBytes, maxRows, 1024L * 1024 * 1024, 0.01);
	}

	/** A size as people read it: "100 MB", "4 KB". */
	public static String describe(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		if (bytes >= 1024) {
			return bytes / 1024 + " KB";
		}
		return bytes + " B";
	}

}
