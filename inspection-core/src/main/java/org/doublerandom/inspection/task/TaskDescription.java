package org.doublerandom.inspection.task;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 任务说明 and schedule: 抽查依据, 检查区域, 抽查对象, 抽查内容, 检查方式, 工作要求 (each up to 2000 characters,
 * the basis, targets and content required), and the dates within the entry's period.
 */
public record TaskDescription(String name, String basis, String region, String targets, String content,
		String methods, String requirements, LocalDate scheduleFrom, LocalDate scheduleTo) {

	public static final int MAX_TEXT = 2000;

	public TaskDescription {
		name = required(name, "name", 200);
		basis = required(basis, "basis", MAX_TEXT);
		region = optional(region, "region");
		targets = required(targets, "targets", MAX_TEXT);
		content = required(content, "content", MAX_TEXT);
		methods = optional(methods, "methods");
		requirements = optional(requirements, "requirements");
		if (scheduleFrom == null) {
			throw new DomainException("task.refused.required", "scheduleFrom");
		}
		if (scheduleTo == null) {
			throw new DomainException("task.refused.required", "scheduleTo");
		}
		if (scheduleTo.isBefore(scheduleFrom)) {
			throw new DomainException("task.refused.scheduleOrder", "scheduleTo");
		}
	}

	private static String required(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new DomainException("task.refused.required", field);
		}
		return optional(value, field, max);
	}

	private static String optional(String value, String field) {
		return optional(value, field, MAX_TEXT);
	}

	private static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new DomainException("task.refused.tooLong", field, max);
		}
		return stripped;
	}

}
