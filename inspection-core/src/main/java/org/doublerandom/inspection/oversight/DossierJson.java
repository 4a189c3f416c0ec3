package org.doublerandom.inspection.oversight;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import org.doublerandom.inspection.audit.AuditJson;

/**
 * The JSON files of a dossier: objects keep their insertion order, two-space indentation, so that a reader
 * without tools can follow them. Strings, integers, booleans, null, dates and instants (ISO-8601 text).
 */
public final class DossierJson {

	private DossierJson() {
	}

	public static byte[] bytes(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, 0);
		return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Object value, StringBuilder out, int depth) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				out.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
				first = false;
				out.append(AuditJson.quote(String.valueOf(e.getKey()))).append(": ");
				write(e.getValue(), out, depth + 1);
			}
			out.append('\n').append("  ".repeat(depth)).append('}');
		}
		else if (value instanceof Collection<?> list) {
			if (list.isEmpty()) {
				out.append("[]");
				return;
			}
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				out.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
				first = false;
				write(item, out, depth + 1);
			}
			out.append('\n').append("  ".repeat(depth)).append(']');
		}
		else if (value instanceof Enum<?> e) {
			out.append(AuditJson.quote(e.name()));
		}
		else if (value instanceof String || value instanceof Instant || value instanceof LocalDate) {
			out.append(AuditJson.quote(value.toString()));
		}
		else {
			throw new IllegalArgumentException("not a dossier JSON value: " + value.getClass().getName());
		}
	}

}
