package org.doublerandom.inspection.draw;

import java.security.MessageDigest;
import java.util.List;

/**
 * {@code seed = SHA-256("draw-v1:seed:" ‖ plan_hash ‖ c_1 ‖ … ‖ c_n)}, one 32-byte contribution per source
 * in the plan's order. The plan hash binds every input; the sources make it unknowable until the named
 * round or draw happens; nobody can add, drop or reorder a source afterwards.
 */
public final class Seed {

	static final byte[] PREFIX = Sha256.utf8("draw-v1:seed:");

	private Seed() {
	}

	public static byte[] derive(DrawPlan plan, List<SourceValue> values) {
		return derive(plan.hash(), plan.sources(), values);
	}

	static byte[] derive(byte[] planHash, List<DrawPlan.Source> declared, List<SourceValue> values) {
		if (declared.size() != values.size()) {
			throw new DrawInputException("the plan declares " + declared.size() + " randomness sources, " + values.size()
					+ " values were given");
		}
		MessageDigest digest = Sha256.newDigest();
		digest.update(PREFIX);
		digest.update(planHash);
		for (int i = 0; i < declared.size(); i++) {
			if (!declared.get(i).kind().equals(values.get(i).kind())) {
				throw new DrawInputException("source " + (i + 1) + " is declared as " + declared.get(i).kind() + ", the value is "
						+ values.get(i).kind());
			}
			digest.update(values.get(i).contribution(declared.get(i)));
		}
		return digest.digest();
	}

}
