package org.doublerandom.inspection.result;

import java.time.Instant;

/** A stored attachment's description (the content is read separately): its SHA-256 is shown with it. */
public record Attachment(long id, long resultId, String fileName, String contentType, long sizeBytes, String sha256,
		String uploadedBy, Instant uploadedAt) {
}
