package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Strict reading of a parsed JSON object: every field typed, unknown fields refused. */
final class Json {

	private final Map<?, ?> map;

	private final String where;

	Json(Object value, String where) {
		if (!(value instanceof Map<?, ?> m)) {
			throw new DrawInputException(where + " must be a JSON object");
		}
		this.map = m;
		this.where = where;
	}

	Json only(String... keys) {
		Set<String> allowed = Set.of(keys);
		for (Object key : this.map.keySet()) {
			if (!allowed.contains(key)) {
				throw new DrawInputException(this.where + ": unknown field '" + key + "'");
			}
		}
		return this;
	}

	boolean has(String key) {
		return this.map.containsKey(key);
	}

	Object raw(String key) {
		Object value = this.map.get(key);
		if (value == null) {
			throw new DrawInputException(this.where + ": field '" + key + "' is missing");
		}
		return value;
	}

	String string(String key) {
		if (raw(key) instanceof String s) {
			return s;
		}
		throw new DrawInputException(this.where + "." + key + " must be a string");
	}

	long integer(String key) {
		if (raw(key) instanceof Long n) {
			return n;
		}
		throw new DrawInputException(this.where + "." + key + " must be an integer");
	}

	int integer(String key, long min, long max) {
		long n = integer(key);
		if (n < min || n > max) {
			throw new DrawInputException(this.where + "." + key + " must be between " + min + " and " + max);
		}
		return (int) n;
	}

	Json object(String key) {
		return new Json(raw(key), this.where + "." + key);
	}

	Map<?, ?> map() {
		return this.map;
	}

	List<Json> objects(String key) {
		List<Json> out = new ArrayList<>();
		int i = 0;
		for (Object o : list(key)) {
			out.add(new Json(o, this.where + "." + key + "[" + i++ + "]"));
		}
		return out;
	}

	List<?> list(String key) {
		if (raw(key) instanceof List<?> l) {
			return l;
		}
		throw new DrawInputException(this.where + "." + key + " must be an array");
	}

	List<String> strings(String key) {
		List<String> out = new ArrayList<>();
		for (Object o : list(key)) {
			if (!(o instanceof String s)) {
				throw new DrawInputException(this.where + "." + key + " must hold strings");
			}
			out.add(s);
		}
		return out;
	}

	String where() {
		return this.where;
	}

}
