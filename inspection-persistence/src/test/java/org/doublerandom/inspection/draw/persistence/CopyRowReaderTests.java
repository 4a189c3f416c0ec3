package org.doublerandom.inspection.draw.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool's rows as COPY's binary format delivers them, in pieces of any size. */
class CopyRowReaderTests {

	static byte[] copy(List<String[]> rows, int extension, boolean trailer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(JdbcDrawStore.BinaryCopyRows.SIGNATURE);
		out.writeInt(0);
		out.writeInt(extension);
		out.write(new byte[extension]);
		for (String[] row : rows) {
			out.writeShort(row.length);
			for (String field : row) {
				if (field == null) {
					out.writeInt(-1);
				}
				else {
					byte[] b = field.getBytes(StandardCharsets.UTF_8);
					out.writeInt(b.length);
					out.write(b);
				}
			}
		}
		if (trailer) {
			out.writeShort(-1);
		}
		return bytes.toByteArray();
	}

	/** Hands out at most {@code step} bytes a read, so that rows straddle every possible boundary. */
	static InputStream trickle(byte[] data, int step) {
		return new ByteArrayInputStream(data) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, step));
			}
		};
	}

	static List<String> read(InputStream in) throws IOException {
		List<String> seen = new ArrayList<>();
		new JdbcDrawStore.CopyRowReader(in).forEachPair((row, io, il, ko, kl) -> seen.add(
				new String(row, io, il, StandardCharsets.UTF_8) + "|" + new String(row, ko, kl, StandardCharsets.UTF_8)));
		return seen;
	}

	@Test
	void everyRowArrivesWholeHoweverTheStreamIsCut() throws IOException {
		List<String[]> rows = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 30_000; i++) {
			String id = "T-" + i + "x".repeat(i % 60);
			String key = (i % 2 == 0) ? "A/150602" : "D/伊金霍洛旗";
			rows.add(new String[] { id, key });
			expected.add(id + "|" + key);
		}
		byte[] data = copy(rows, 5, true);
		assertThat(data.length).isGreaterThan(3 << 16);
		assertThat(read(new ByteArrayInputStream(data))).isEqualTo(expected);
		assertThat(read(trickle(data, 3))).isEqualTo(expected);
		assertThat(read(trickle(data, 65_537))).isEqualTo(expected);
	}

	@Test
	void aCutShortOrMisshapenStreamIsRefused() throws IOException {
		List<String[]> one = List.<String[]>of(new String[] { "T-1", "A/150602" });
		assertThatThrownBy(() -> read(new ByteArrayInputStream(copy(one, 0, false)))).isInstanceOf(IOException.class)
			.hasMessage("COPY ended inside a row");
		assertThatThrownBy(() -> read(new ByteArrayInputStream(copy(List.<String[]>of(new String[] { "T-1" }), 0, true))))
			.isInstanceOf(IOException.class).hasMessage("a pool row has 1 fields, not 2");
		assertThatThrownBy(() -> read(new ByteArrayInputStream(copy(List.<String[]>of(new String[] { "T-1", null }), 0, true))))
			.isInstanceOf(IOException.class).hasMessage("a pool row has no stratum");
		assertThatThrownBy(() -> read(new ByteArrayInputStream("not a copy at all, clearly".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(IOException.class).hasMessage("not COPY's binary format");
	}

}
