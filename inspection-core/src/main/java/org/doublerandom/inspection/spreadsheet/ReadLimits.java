package org.doublerandom.inspection.spreadsheet;

/**
 * What an uploaded file may be: its size on disk, its number of data rows, and for XLSX the size an entry may
 * inflate to and the smallest compression ratio accepted (below it the file is treated as a zip bomb).
 */
public record ReadLimits(long maxBytes, int maxRows, long maxInflatedEntryBytes, double minInflateRatio) {

	public static ReadLimits uploads() {
		return new ReadLimits(100L * 1024 * 1024, 500_000, 1024L * 1024 * 1024, 0.01);
	}

}
