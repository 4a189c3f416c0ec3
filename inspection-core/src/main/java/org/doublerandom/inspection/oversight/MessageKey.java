package org.doublerandom.inspection.oversight;

/** A figure cell shown as a message (a kind, a reason code); {@code fallback} when the bundle has no such key. */
public record MessageKey(String key, String fallback) {
}
