package org.doublerandom.inspection.oversight;

import java.time.LocalDate;
import java.time.Period;

/**
 * 存档保存期限: how long after a task's schedule ends its dossier must stay retrievable online. The rule of
 * the plan (数据存档, docs/operations.md) asks for at least six months; a shorter setting is refused at start.
 */
public record ArchiveRetention(Period online) {

	public static final Period MINIMUM = Period.ofMonths(6);

	/** Periods mix months and days; they are compared by where they lead from one fixed day. */
	private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

	public ArchiveRetention {
		if (online == null || REFERENCE.plus(online).isBefore(REFERENCE.plus(MINIMUM))) {
			throw new IllegalArgumentException("inspection.archive.retention must be at least " + MINIMUM + ", was " + online);
		}
	}

	/** The day until which the dossier of a task ending on {@code scheduleTo} is kept online. */
	public LocalDate retainUntil(LocalDate scheduleTo) {
		return scheduleTo.plus(this.online);
	}

}
