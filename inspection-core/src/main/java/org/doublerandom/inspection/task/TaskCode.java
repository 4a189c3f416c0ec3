package org.doublerandom.inspection.task;

/** A task's number (任务编号) and its parts: the series (the code without the number), year and sequence. */
public record TaskCode(String code, String series, int year, int sequence) {
}
