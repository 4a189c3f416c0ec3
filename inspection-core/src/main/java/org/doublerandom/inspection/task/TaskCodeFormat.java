package org.doublerandom.inspection.task;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 任务编号 in the city's format, "任务牵头组织机关简称 + 抽查 + 年度 + 序号", e.g. 鄂市监联抽〔2026〕3号. The pattern
 * ({@code inspection.task.code-pattern}) has the placeholders {@code {abbr}} (the department's abbreviation
 * from {@code inspection.task.abbreviations}, {@code CODE=简称} pairs, or its short name), {@code {joint}}
 * (联 for a joint task), {@code {year}} and {@code {seq}}; numbers run per year within each series.
 */
@Component
public class TaskCodeFormat {

	private final String pattern;

	private final Map<String, String> abbreviations = new LinkedHashMap<>();

	public TaskCodeFormat(@Value("${inspection.task.code-pattern:鄂{abbr}{joint}抽〔{year}〕{seq}号}") String pattern,
			@Value("${inspection.task.abbreviations:SCJG=市监,WSJK=卫健,STHJ=环,DS-SCJG=东市监}") String abbreviations) {
		if (!pattern.contains("{seq}") || !pattern.contains("{year}")) {
			throw new IllegalArgumentException("inspection.task.code-pattern needs {year} and {seq}: " + pattern);
		}
		this.pattern = pattern;
		for (String pair : abbreviations.split(",")) {
			String[] kv = pair.split("=", 2);
			if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
				this.abbreviations.put(kv[0].strip(), kv[1].strip());
			}
		}
	}

	/** The series a task of the department falls in: the code with everything but the number filled in. */
	public String series(String departmentCode, String departmentShortName, boolean joint, int year) {
		return this.pattern.replace("{abbr}", this.abbreviations.getOrDefault(departmentCode, departmentShortName))
			.replace("{joint}", joint ? "联" : "")
			.replace("{year}", String.valueOf(year));
	}

	public TaskCode code(String series, int year, int sequence) {
		return new TaskCode(series.replace("{seq}", String.valueOf(sequence)), series, year, sequence);
	}

}
