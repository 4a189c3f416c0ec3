package org.doublerandom.inspection.result;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: attachments of results, in the database (bytea), never on a file system. */
public interface ResultAttachments {

	List<Attachment> forResult(long resultId);

	Optional<Attachment> find(long id);

	Optional<byte[]> content(long id);

	long add(long resultId, String fileName, String contentType, byte[] content, String sha256, String by, Instant at);

	void delete(long id);

}
