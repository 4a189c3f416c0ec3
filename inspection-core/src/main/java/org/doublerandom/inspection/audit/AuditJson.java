package org.doublerandom.inspection.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of the export and checkpoint lines: one flat object per line whose values are strings, integers
 * or null. Small on purpose, so that the offline verifier (verifier/VerifyAudit.java) can read it with as
 * little code.
 */
public final class AuditJson {

	private AuditJson() {
	}

	/** A JSON string literal; characters below U+0020, the quote and the backslash are escaped. */
	public static String quote(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
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
		return out.append('"').toString();
	}

	/** One export line (format in docs/audit-chain.md). */
	public static String exportLine(AuditEntry e) {
		return "{\"seq\":" + e.sequenceNo() + ",\"occurredAt\":"
				+ quote(AuditChainHash.TIME.format(e.occurredAt())) + ",\"actor\":" + quote(e.actor())
				+ ",\"actorRoles\":" + quote(e.actorRoles()) + ",\"departmentId\":"
				+ ((e.departmentId() != null) ? e.departmentId().toString() : "null") + ",\"action\":"
				+ quote(e.action()) + ",\"objectType\":" + quote(e.objectType()) + ",\"objectId\":"
				+ quote(e.objectId()) + ",\"outcome\":" + quote((e.outcome() != null) ? e.outcome().name() : null)
				+ ",\"clientAddress\":" + quote(e.clientAddress()) + ",\"detail\":" + quote(e.detail())
				+ ",\"prevHash\":" + quote(e.previousHash()) + ",\"hash\":" + quote(e.hash()) + "}";
	}

	/** One checkpoint line. */
	public static String checkpointLine(AuditCheckpoint c) {
		return "{\"seq\":" + c.sequenceNo() + ",\"hash\":" + quote(c.hash()) + ",\"time\":" + quote(c.time().toString())
				+ ",\"keyId\":" + quote(c.keyId()) + ",\"signature\":" + quote(c.signature()) + "}";
	}

	/**
	 * Reads one flat object: string, integer and null values, in any order. Anything else (nested values,
	 * trailing text) is refused with an {@link IllegalArgumentException}.
	 */
	public static Map<String, String> parseFlat(String line) {
		Parser parser = new Parser(line.strip());
		Map<String, String> values = parser.object();
		if (parser.pos != parser.text.length()) {
			throw new IllegalArgumentException("text after the object at " + parser.pos);
		}
		return values;
	}

	private static final class Parser {

		final String text;

		int pos;

		Parser(String text) {
			this.text = text;
		}

		Map<String, String> object() {
			Map<String, String> values = new LinkedHashMap<>();
			expect('{');
			skipSpace();
			if (peek() == '}') {
				this.pos++;
				return values;
			}
			while (true) {
				skipSpace();
				String key = string();
				skipSpace();
				expect(':');
				skipSpace();
				if (values.put(key, value()) != null) {
					throw new IllegalArgumentException("key " + key + " twice");
				}
				skipSpace();
				char c = next();
				if (c == '}') {
					return values;
				}
				if (c != ',') {
					throw new IllegalArgumentException("expected , or } at " + (this.pos - 1));
				}
			}
		}

		String value() {
			char c = peek();
			if (c == '"') {
				return string();
			}
			if (this.text.startsWith("null", this.pos)) {
				this.pos += 4;
				return null;
			}
			int start = this.pos;
			if (c == '-') {
				this.pos++;
			}
			while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
			if (this.pos == start || (this.pos == start + 1 && c == '-')) {
				throw new IllegalArgumentException("expected a string, an integer or null at " + start);
			}
			return this.text.substring(start, this.pos);
		}

		String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = next();
				switch (e) {
					case '"', '\\', '/' -> out.append(e);
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						if (this.pos + 4 > this.text.length()) {
							throw new IllegalArgumentException("short \\u escape");
						}
						out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
						this.pos += 4;
					}
					default -> throw new IllegalArgumentException("unknown escape \\" + e);
				}
			}
		}

		void skipSpace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		char peek() {
			if (this.pos >= this.text.length()) {
				throw new IllegalArgumentException("unexpected end");
			}
			return this.text.charAt(this.pos);
		}

		char next() {
			char c = peek();
			this.pos++;
			return c;
		}

		void expect(char c) {
			if (next() != c) {
				throw new IllegalArgumentException("expected " + c + " at " + (this.pos - 1));
			}
		}

	}

}
