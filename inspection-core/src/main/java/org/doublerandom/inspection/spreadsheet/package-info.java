/**
 * Spreadsheets in and out: CSV and XLSX read as a stream of rows (whatever their size, with limits on
 * size, rows and decompression), and written as a stream with formula-looking cells neutralised. Knows
 * nothing of any registry; each feature maps rows to its own data.
 */
package org.doublerandom.inspection.spreadsheet;
