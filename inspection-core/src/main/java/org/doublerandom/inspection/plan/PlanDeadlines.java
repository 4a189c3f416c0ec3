package org.doublerandom.inspection.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When plans are due (seed plan 三(七)): a department's annual plan in January, the joint plan by the end of
 * March. Configurable as {@code MM-dd} in {@code inspection.plan.department-deadline} and
 * {@code inspection.plan.joint-deadline}. A plan misses its deadline if it was published after it, or is
 * still unpublished when the day has passed.
 */
@Component
public class PlanDeadlines {

	private final MonthDay department;

	private final MonthDay joint;

	private final Clock clock;

	public PlanDeadlines(@Value("${inspection.plan.department-deadline:01-31}") String department,
			@Value("${inspection.plan.joint-deadline:03-31}") String joint, Clock clock) {
		this.department = parse(department);
		this.joint = parse(joint);
		this.clock = clock;
	}

	private static MonthDay parse(String value) {
		try {
			return MonthDay.parse("--" + value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("deadline must be MM-dd, was " + value, ex);
		}
	}

	public LocalDate due(PlanType type, int year) {
		return ((type == PlanType.JOINT) ? this.joint : this.department).atYear(year);
	}

	public Deadline of(Plan plan) {
		LocalDate due = due(plan.getType(), plan.getYear());
		LocalDate today = LocalDate.now(this.clock);
		boolean missed;
		if (plan.getPublishedAt() != null) {
			missed = plan.getVersionNo() == 1
					&& LocalDate.ofInstant(plan.getPublishedAt(), this.clock.getZone()).isAfter(due);
		}
		else {
			missed = plan.getVersionNo() == 1 && today.isAfter(due);
		}
		return new Deadline(due, missed);
	}

	/** The due date and whether it was missed (an amendment has no deadline of its own). */
	public record Deadline(LocalDate due, boolean missed) {
	}

}
