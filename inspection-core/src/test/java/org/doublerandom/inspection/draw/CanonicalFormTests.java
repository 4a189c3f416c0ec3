package org.doublerandom.inspection.draw;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalFormTests {

	@Test
	void canonicalJsonSortsKeysEscapesOnlyWhatItMustAndWritesUtf8() {
		Object value = Map.of("b", List.of(1, -2, "x"), "a", "鄂市监\"联\\抽\n\u0001", "A", 9007199254740991L);
		assertThat(CanonicalJson.write(value))
			.isEqualTo("{\"A\":9007199254740991,\"a\":\"鄂市监\\\"联\\\\抽\\n\\u0001\",\"b\":[1,-2,\"x\"]}");
		assertThat(CanonicalJson.parse(CanonicalJson.bytes(value))).isEqualTo(Map.of("b", List.of(1L, -2L, "x"), "a",
				"鄂市监\"联\\抽\n\u0001", "A", 9007199254740991L));
	}

	/** The canonical form as first written (chars, sorted copies, then UTF-8 by the JDK): the byte writer must agree. */
	static String reference(Object value) {
		if (value instanceof String s) {
			StringBuilder out = new StringBuilder("\"");
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\b' -> out.append("\\b");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\f' -> out.append("\\f");
					case '\r' -> out.append("\\r");
					default -> out.append((c < 0x20) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
				}
			}
			return out.append('"').toString();
		}
		if (value instanceof Map<?, ?> map) {
			java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
			map.forEach((k, v) -> sorted.put((String) k, v));
			StringBuilder out = new StringBuilder("{");
			sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(reference(k)).append(':').append(reference(v)));
			return out.append('}').toString();
		}
		if (value instanceof List<?> list) {
			StringBuilder out = new StringBuilder("[");
			list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(reference(v)));
			return out.append(']').toString();
		}
		return value.toString();
	}

	@Test
	void theByteWriterAgreesWithTheCharWriterOnEveryKindOfCharacter() {
		StringBuilder all = new StringBuilder();
		// every control character, the ASCII that needs escaping, the edges of the 1-, 2- and 3-byte UTF-8 ranges,
		// CJK, and supplementary characters as surrogate pairs
		for (char c = 0; c < 0x100; c++) {
			all.append(c);
		}
		all.append("\u07ff\u0800\u2028\u4e00鄂尔多斯\ud7ff\ue000\uffff").appendCodePoint(0x10000).appendCodePoint(0x1f600)
			.appendCodePoint(0x10ffff);
		java.util.List<Object> strings = new java.util.ArrayList<>();
		String text = all.toString();
		for (int from = 0; from < text.length(); from += 7) {
			int to = Math.min(text.length(), from + 1 + (from * 31) % 23);
			if (Character.isLowSurrogate(text.charAt(from)) || (to < text.length() && Character.isLowSurrogate(text.charAt(to)))) {
				continue;
			}
			strings.add(text.substring(from, to));
		}
		strings.add(text);
		strings.add("");
		Map<String, Object> object = new java.util.LinkedHashMap<>();
		object.put("z", strings);
		object.put("b", Map.of("y", 1, "x", -9007199254740991L, "\u00e9", "é"));
		object.put("a", new java.util.LinkedHashMap<>(Map.of("k", "v")));
		object.put(text, 0);
		byte[] expected = reference(object).getBytes(StandardCharsets.UTF_8);
		assertThat(CanonicalJson.bytes(object)).isEqualTo(expected);
		assertThat(CanonicalJson.write(object)).isEqualTo(reference(object));
		assertThat(CanonicalJson.hash(object)).isEqualTo(Sha256.of(expected));
		assertThat(CanonicalJson.measure(object).length()).isEqualTo(expected.length);
		java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
		try {
			CanonicalJson.write(object, streamed);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(streamed.toByteArray()).isEqualTo(expected);
		assertThatThrownBy(() -> CanonicalJson.bytes(List.of("a\ud800b"))).hasMessageContaining("lone surrogate");
		assertThatThrownBy(() -> CanonicalJson.bytes(List.of("\udc00"))).hasMessageContaining("lone surrogate");
	}

	@Test
	void aStreamedValueLargerThanTheBufferIsTheSameBytes() throws Exception {
		java.util.List<Object> big = new java.util.ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			big.add(Map.of("target", "T-" + i, "slot", i % 3, "name", "鄂尔多斯" + i));
		}
		big.add("x".repeat(200_000));
		byte[] expected = reference(big).getBytes(StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
		CanonicalJson.write(big, streamed);
		assertThat(streamed.toByteArray()).isEqualTo(expected);
		assertThat(CanonicalJson.bytes(big)).isEqualTo(expected);
	}

	@Test
	void canonicalJsonRefusesFloatsBooleansAndNonCanonicalBytes() {
		assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1.5}".getBytes())).hasMessageContaining("fractions");
		assertThatThrownBy(() -> CanonicalJson.parse("[true]".getBytes())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.write(Map.of("a", 1.5))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.parseCanonical("{\"b\":1,\"a\":2}".getBytes(), "plan.json"))
			.hasMessageContaining("not in canonical JSON form");
		assertThatThrownBy(() -> CanonicalJson.parseCanonical("{\"a\": 2}".getBytes(), "plan.json"))
			.hasMessageContaining("not in canonical JSON form");
	}

	@Test
	void thePlanSurvivesItsCanonicalBytesUnchanged() {
		DrawPlan plan = DrawVectors.vector(null).plan();
		DrawPlan back = DrawPlan.fromCanonicalBytes(plan.canonicalBytes());
		assertThat(back.canonicalBytes()).isEqualTo(plan.canonicalBytes());
		assertThat(back).isEqualTo(plan);
	}

	@Test
	void csvFilesAreSortedWithAHeaderAndLfAndTheirHashIsOfThoseBytes() {
		byte[] file = CanonicalCsv.conflicts(List.of(new ConflictRow("I-2", "T-1", "RELATIVE"),
				new ConflictRow("I-1", "T-9", "FORMER_EMPLOYER")));
		assertThat(new String(file, StandardCharsets.US_ASCII))
			.isEqualTo("inspector_id,target_id,reason\nI-1,T-9,FORMER_EMPLOYER\nI-2,T-1,RELATIVE\n");
		assertThat(CanonicalCsv.digest(file, CanonicalCsv.CONFLICTS_HEADER, "conflicts.csv").sha256())
			.isEqualTo(Sha256.hex(Sha256.of(file)));
		// a shorter id sorts before its extensions, as bytewise order of whole lines demands
		byte[] pool = CanonicalCsv.pool(List.of("c"), List.of(PoolRow.eligible("A0", "x"), PoolRow.eligible("A", "x")));
		assertThat(new String(pool, StandardCharsets.US_ASCII)).isEqualTo("target_id,c,excluded\nA,x,\nA0,x,\n");
	}

	@Test
	void linesGivenAsUtf8BytesMakeTheSameFileAsLinesGivenAsStrings() {
		List<String> lines = new java.util.ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			lines.add(String.format("T-%05d,%s,15060%d,%s", i, "ABCD".charAt(i % 4), i % 7, (i % 13 == 0) ? "DEREGISTERED" : ""));
		}
		// an id outside ASCII is not canonical, but both ways must still write the same bytes (the JDK's '?')
		lines.add("T-99999,A,150602,é");
		lines.add("U-00001,A,150602,");
		java.io.ByteArrayOutputStream fromStrings = new java.io.ByteArrayOutputStream();
		java.io.ByteArrayOutputStream fromBytes = new java.io.ByteArrayOutputStream();
		CanonicalCsv.Writer a = new CanonicalCsv.Writer(fromStrings, "target_id,c,r,excluded", "pool.csv");
		CanonicalCsv.Writer b = new CanonicalCsv.Writer(fromBytes, "target_id,c,r,excluded", "pool.csv");
		lines.forEach(a::add);
		lines.forEach(l -> b.addUtf8(l.getBytes(StandardCharsets.UTF_8)));
		assertThat(b.finish()).isEqualTo(a.finish());
		assertThat(fromBytes.toByteArray()).isEqualTo(fromStrings.toByteArray());
		CanonicalCsv.Writer c = new CanonicalCsv.Writer(java.io.OutputStream.nullOutputStream(), "h", "pool.csv");
		c.addUtf8(Sha256.utf8("T-2,A"));
		assertThatThrownBy(() -> c.addUtf8(Sha256.utf8("T-10,A"))).hasMessageContaining("'T-2,A' before 'T-10,A'");
		assertThatThrownBy(() -> c.addUtf8(Sha256.utf8("T-2,A"))).hasMessageContaining("ascending");
	}

	@Test
	void nonCanonicalCsvIsRefusedWithTheLine() {
		String header = CanonicalCsv.HISTORY_HEADER;
		assertThatThrownBy(() -> read(header + "\nT-2,I-1\nT-1,I-1\n", header)).hasMessageContaining("line 3")
			.hasMessageContaining("ascending");
		assertThatThrownBy(() -> read(header + "\r\nT-1,I-1\r\n", header)).hasMessageContaining("LF");
		assertThatThrownBy(() -> read(header + "\nT-1,I-1", header)).hasMessageContaining("end with LF");
		assertThatThrownBy(() -> read("target,inspector\n", header)).hasMessageContaining("header");
		assertThatThrownBy(() -> read(header + "\nT-1,I-1,x\n", header)).hasMessageContaining("3 fields");
		assertThatThrownBy(() -> read(header + "\nT-1,I-1\nT-1,I-1\n", header)).hasMessageContaining("unique");
		assertThatThrownBy(() -> CanonicalCsv.readRoster(new ByteArrayInputStream(
				(CanonicalCsv.ROSTER_HEADER + "\nI-1,D,OFFICER,01,\n").getBytes())))
			.hasMessageContaining("leading zeros");
		assertThatThrownBy(() -> CanonicalCsv.readRoster(new ByteArrayInputStream(
				(CanonicalCsv.ROSTER_HEADER + "\nI-1,D,OFFICER,0,b|a\n").getBytes())))
			.hasMessageContaining("sorted");
	}

	static void read(String text, String header) {
		CanonicalCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), header, -1, (f, n) -> {
		}, "history.csv");
	}

	@Test
	void idsAreTokensAndRegistryEntriesGetCollisionFreeIds() {
		assertThat(Tokens.isToken("91150602MA0N1K2X3Y")).isTrue();
		assertThat(Tokens.isToken("a,b")).isFalse();
		assertThat(Tokens.isToken("鄂尔多斯")).isFalse();
		assertThat(Tokens.isToken("")).isFalse();
		assertThat(Tokens.isToken("x".repeat(65))).isFalse();
		assertThat(Tokens.targetId(true, "91150602MA0N1K2X3Y", 7)).isEqualTo("91150602MA0N1K2X3Y");
		assertThat(Tokens.targetId(false, "工程-7/甲", 7)).isEqualTo("T-7");
		assertThatThrownBy(() -> PoolRow.eligible("T 1", "A")).isInstanceOf(DrawInputException.class);
	}

}
