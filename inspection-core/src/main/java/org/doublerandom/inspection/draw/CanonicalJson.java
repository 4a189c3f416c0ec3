package org.doublerandom.inspection.draw;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
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
		return write(value).getBytes(StandardCharsets.UTF_8);
	}

	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		try {
			write(value, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * Streams the canonical UTF-8 bytes of a value: large lists may be lazy views, so a result with a
	 * million slots is written without ever holding its text in memory.
	 */
	public static void write(Object value, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		write(value, writer);
		writer.flush();
	}

	/** SHA-256 of the canonical bytes, computed while streaming them. */
	public static byte[] hash(Object value) {
		MessageDigest digest = Sha256.newDigest();
		try {
			write(value, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return digest.digest();
	}

	private static void write(Object value, Appendable out) throws IOException {
		if (value instanceof String s) {
			string(s, out);
		}
		else if (value instanceof Integer || value instanceof Long) {
			long n = ((Number) value).longValue();
			if (Math.abs(n) > MAX_SAFE) {
				throw new IllegalArgumentException("integer outside ±2^53: " + n);
			}
			out.append(Long.toString(n));
		}
		else if (value instanceof Map<?, ?> map) {
			TreeMap<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put((String) k, v));
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, Object> e : sorted.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				string(e.getKey(), out);
				out.append(':');
				write(e.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(item, out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not allowed in canonical JSON: " + value);
		}
	}

	private static void string(String s, Appendable out) throws IOException {
		if (plain(s)) {
			out.append('"').append(s).append('"');
			return;
		}
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isSurrogate(c)) {
				boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
						&& Character.isLowSurrogate(s.charAt(i + 1));
				if (!paired) {
					throw new IllegalArgumentException("lone surrogate in a string");
				}
				out.append(c).append(s.charAt(++i));
				continue;
			}
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/** Nothing to escape and no surrogate to check: the common case of ids, hashes and codes. */
	private static boolean plain(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
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
