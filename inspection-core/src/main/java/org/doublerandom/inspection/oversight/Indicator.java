package org.doublerandom.inspection.oversight;

/** A headline number of the dashboard ({@code oversight.indicator.<key>}). */
public record Indicator(String key, long value) {
}
