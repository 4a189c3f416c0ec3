package org.doublerandom.inspection.task.web;

import java.time.LocalDate;

import org.doublerandom.inspection.task.TaskDescription;
import org.springframework.format.annotation.DateTimeFormat;

/** 任务说明 and schedule of a new task. */
record TaskForm(String name, String basis, String region, String targets, String content, String methods,
		String requirements, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scheduleFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scheduleTo) {

	TaskDescription toDescription() {
		return new TaskDescription(this.name, this.basis, this.region, this.targets, this.content, this.methods,
				this.requirements, this.scheduleFrom, this.scheduleTo);
	}

}
