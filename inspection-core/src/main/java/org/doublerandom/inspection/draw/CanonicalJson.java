package org.doublerandom.inspection.draw;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of the plan and the evidence: RFC 8785 (JCS) restricted to objects, arrays, strings and
 * integers. No floats (their text form differs between languages), no booleans, no null. Keys are sorted by
 * UTF-16 code units (Java's {@code String} order), no whitespace, strings escape only {@code "}, {@code \}
 * and control characters ({@code \b \t \n \f \r}, else a backslash-u escape with four lowercase hex
 * digits); everything else is written as UTF-8. Python's {@code json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))} writes
 * the same bytes for such values, which is what the independent verifier relies on.
 */
public final class CanonicalJson {

	/** Integers beyond 2^53 are not exact in JavaScript's JSON; the draw never needs them. */
	static final long MAX_SAFE = (1L << 53) - 1;

	private CanonicalJson() {
	}

	public static byte[] bytes(Object value) {
		Utf8 out = new Utf8(null);
		try {
			out.value(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static String write(Object value) {
		return new String(bytes(value), StandardCharsets.UTF_8);
	}

	/**
	 * Streams the canonical UTF-8 bytes of a value: large lists may be lazy views, so a result with a
	 * million slots is written without ever holding its text in memory.
	 */
	public static void write(Object value, OutputStream out) throws IOException {
		Utf8 utf8 = new Utf8(out);
		utf8.value(value);
		utf8.flush();
		out.flush();
	}

	/** SHA-256 of the canonical bytes, computed while streaming them. */
	public static byte[] hash(Object value) {
		return measure(value).sha256();
	}

	/** SHA-256 and length of the canonical bytes. */
	public record Measure(byte[] sha256, long length) {
	}

	/** Hashes and counts the canonical bytes in one streaming pass, without holding them. */
	public static Measure measure(Object value) {
		MessageDigest digest = Sha256.newDigest();
		long[] length = new long[1];
		OutputStream hashing = new OutputStream() {

			@Override
			public void write(int b) {
				digest.update((byte) b);
				length[0]++;
			}

			@Override
			public void write(byte[] b, int off, int len) {
				digest.update(b, off, len);
				length[0] += len;
			}

		};
		try {
			write(value, hashing);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Measure(digest.digest(), length[0]);
	}

	/**
	 * The writer: canonical JSON straight into UTF-8 bytes (a result of tens of megabytes is mostly ids and hex,
	 * and going through chars, a {@code Writer} and a charset encoder cost as much again as the rest).
	 * Into a growing buffer when {@code out} is null, else in chunks into {@code out}.
	 */
	private static final class Utf8 {

		private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

		private final OutputStream out;

		private byte[] buffer = new byte[1 << 16];

		private int n;

		Utf8(OutputStream out) {
			this.out = out;
		}

		private void room(int bytes) throws IOException {
			if (this.n + bytes <= this.buffer.length) {
				return;
			}
			if (this.out != null) {
				flush();
				if (bytes <= this.buffer.length) {
					return;
				}
			}
			this.buffer = java.util.Arrays.copyOf(this.buffer, Math.max(this.n + bytes, 2 * this.buffer.length));
		}

		void flush() throws IOException {
			if (this.out != null && this.n > 0) {
				this.out.write(this.buffer, 0, this.n);
				this.n = 0;
			}
		}

		byte[] toByteArray() {
			return java.util.Arrays.copyOf(this.buffer, this.n);
		}

		private void put(int b) throws IOException {
			if (this.n == this.buffer.length) {
				room(1);
			}
			this.buffer[this.n++] = (byte) b;
		}

		void value(Object value) throws IOException {
			if (value instanceof String s) {
				string(s);
			}
			else if (value instanceof Integer || value instanceof Long) {
				long v = ((Number) value).longValue();
				if (Math.abs(v) > MAX_SAFE) {
					throw new IllegalArgumentException("integer outside ±2^53: " + v);
				}
				String digits = Long.toString(v);
				room(digits.length());
				for (int i = 0; i < digits.length(); i++) {
					this.buffer[this.n++] = (byte) digits.charAt(i);
				}
			}
			else if (value instanceof Map<?, ?> map) {
				put('{');
				boolean first = true;
				for (Map.Entry<?, ?> e : inKeyOrder(map)) {
					if (!first) {
						put(',');
					}
					first = false;
					string((String) e.getKey());
					put(':');
					value(e.getValue());
				}
				put('}');
			}
			else if (value instanceof Collection<?> list) {
				put('[');
				boolean first = true;
				for (Object item : list) {
					if (!first) {
						put(',');
					}
					first = false;
					value(item);
				}
				put(']');
			}
			else {
				throw new IllegalArgumentException("not allowed in canonical JSON: " + value);
			}
		}

		/**
		 * The members sorted by key (UTF-16 code units, {@code String}'s order). A map whose keys already come
		 * in that order (the result's millions of small objects are built so) is written as it is, without
		 * sorting a copy.
		 */
		@SuppressWarnings("unchecked")
		private static Iterable<? extends Map.Entry<?, ?>> inKeyOrder(Map<?, ?> map) {
			String previous = null;
			for (Object key : map.keySet()) {
				String k = (String) key;
				if (previous != null && previous.compareTo(k) >= 0) {
					TreeMap<String, Object> sorted = new TreeMap<>();
					map.forEach((kk, v) -> sorted.put((String) kk, v));
					return sorted.entrySet();
				}
				previous = k;
			}
			return ((Map<Object, Object>) map).entrySet();
		}

		/** Escapes only {@code "}, {@code \\} and control characters; everything else as UTF-8. */
		private void string(String s) throws IOException {
			int length = s.length();
			// at most 6 bytes a char (a control character's escape), and 2 for the quotes
			room(2 + 6 * length);
			byte[] b = this.buffer;
			int p = this.n;
			b[p++] = '"';
			for (int i = 0; i < length; i++) {
				char c = s.charAt(i);
				if (c < 0x80) {
					if (c >= 0x20 && c != '"' && c != '\\') {
						b[p++] = (byte) c;
						continue;
					}
					b[p++] = '\\';
					switch (c) {
						case '"' -> b[p++] = '"';
						case '\\' -> b[p++] = '\\';
						case '\b' -> b[p++] = 'b';
						case '\t' -> b[p++] = 't';
						case '\n' -> b[p++] = 'n';
						case '\f' -> b[p++] = 'f';
						case '\r' -> b[p++] = 'r';
						default -> {
							b[p++] = 'u';
							b[p++] = '0';
							b[p++] = '0';
							b[p++] = HEX[c >> 4];
							b[p++] = HEX[c & 0xf];
						}
					}
				}
				else if (c < 0x800) {
					b[p++] = (byte) (0xc0 | (c >> 6));
					b[p++] = (byte) (0x80 | (c & 0x3f));
				}
				else if (Character.isSurrogate(c)) {
					boolean paired = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1));
					if (!paired) {
						throw new IllegalArgumentException("lone surrogate in a string");
					}
					int cp = Character.toCodePoint(c, s.charAt(++i));
					b[p++] = (byte) (0xf0 | (cp >> 18));
					b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
					b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
					b[p++] = (byte) (0x80 | (cp & 0x3f));
				}
				else {
					b[p++] = (byte) (0xe0 | (c >> 12));
					b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
					b[p++] = (byte) (0x80 | (c & 0x3f));
				}
			}
			b[p++] = '"';
			this.n = p;
		}

	}

	/** Reads JSON of the same subset; maps keep their order, numbers are {@code Long}. */
	public static Object parse(byte[] utf8) {
		Parser parser = new Parser(new String(utf8, StandardCharsets.UTF_8));
		Object value = parser.value();
		parser.skipSpace();
		if (parser.pos != parser.text.length()) {
			throw parser.error("trailing characters");
		}
		return value;
	}

	/** Parses and insists the bytes are already canonical: what was committed must be what is read. */
	public static Object parseCanonical(byte[] utf8, String what) {
		Object value;
		try {
			value = parse(utf8);
		}
		catch (IllegalArgumentException ex) {
			throw new DrawInputException(what + ": " + ex.getMessage());
		}
		if (!java.util.Arrays.equals(bytes(value), utf8)) {
			throw new DrawInputException(what + " is not in canonical JSON form");
		}
		return value;
	}

	private static final class Parser {

		final String text;

		int pos;

		Parser(String text) {
			this.text = text;
		}

		IllegalArgumentException error(String what) {
			return new IllegalArgumentException("JSON " + what + " at character " + this.pos);
		}

		void skipSpace() {
			while (this.pos < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.pos)) >= 0) {
				this.pos++;
			}
		}

		char peek() {
			skipSpace();
			if (this.pos >= this.text.length()) {
				throw error("ends too early");
			}
			return this.text.charAt(this.pos);
		}

		void expect(char c) {
			if (peek() != c) {
				throw error("expected '" + c + "'");
			}
			this.pos++;
		}

		Object value() {
			char c = peek();
			if (c == '{') {
				this.pos++;
				Map<String, Object> map = new LinkedHashMap<>();
				if (peek() == '}') {
					this.pos++;
					return map;
				}
				do {
					if (peek() != '"') {
						throw error("expected a key");
					}
					String key = string();
					expect(':');
					if (map.put(key, value()) != null) {
						throw error("duplicate key " + key);
					}
				}
				while (comma('}'));
				return map;
			}
			if (c == '[') {
				this.pos++;
				List<Object> list = new ArrayList<>();
				if (peek() == ']') {
					this.pos++;
					return list;
				}
				do {
					list.add(value());
				}
				while (comma(']'));
				return list;
			}
			if (c == '"') {
				return string();
			}
			if (c == '-' || (c >= '0' && c <= '9')) {
				int start = this.pos;
				if (c == '-') {
					this.pos++;
				}
				while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
					this.pos++;
				}
				if (this.pos < this.text.length() && ".eE".indexOf(this.text.charAt(this.pos)) >= 0) {
					throw error("fractions are not allowed");
				}
				try {
					long n = Long.parseLong(this.text.substring(start, this.pos));
					if (Math.abs(n) > MAX_SAFE) {
						throw error("integer too large");
					}
					return n;
				}
				catch (NumberFormatException ex) {
					throw error("bad number");
				}
			}
			throw error("unexpected '" + c + "' (only objects, arrays, strings and integers)");
		}

		boolean comma(char close) {
			char c = peek();
			this.pos++;
			if (c == ',') {
				return true;
			}
			if (c == close) {
				return false;
			}
			throw error("expected ',' or '" + close + "'");
		}

		String string() {
			this.pos++;
			StringBuilder out = new StringBuilder();
			while (true) {
				if (this.pos >= this.text.length()) {
					throw error("unterminated string");
				}
				char c = this.text.charAt(this.pos++);
				if (c == '"') {
					return out.toString();
				}
				if (c < 0x20) {
					throw error("control character in a string");
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = this.text.charAt(this.pos++);
				switch (e) {
					case '"', '\\', '/' -> out.append(e);
					case 'b' -> out.append('\b');
					case 't' -> out.append('\t');
					case 'n' -> out.append('\n');
					case 'f' -> out.append('\f');
					case 'r' -> out.append('\r');
					case 'u' -> {
						out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
						this.pos += 4;
					}
					default -> throw error("bad escape");
				}
			}
		}

	}

}
