package org.doublerandom.inspection.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Port: the append-only checkpoint file outside the database (one JSON object per line). */
public interface CheckpointLog {

	void append(AuditCheckpoint checkpoint);

	/**
	 * Every checkpoint in the file, oldest first. A line that cannot be read is not skipped: it refuses with
	 * {@code DomainException("audit.checkpoints.unreadable")} naming the line.
	 */
	List<AuditCheckpoint> all();

	/** The file as it is, for the offline verifier. */
	void copyTo(OutputStream out) throws IOException;

	/** Where the file is, for the operator. */
	String location();

}
