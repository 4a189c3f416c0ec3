package org.doublerandom.inspection.oversight;

import java.io.IOException;
import java.io.OutputStream;

import org.doublerandom.inspection.task.Task;

/**
 * Extension point of the archive: a feature that keeps more of a task's record (results and reviews,
 * follow-ups, the signed PDF documents) contributes its files as a bean of this type. The archive calls each
 * section after its own (plan, task, draws, teams, audit events), in {@link #order()}; every file a section
 * writes is hashed into the manifest like the others. A section writes only what exists; it never writes a
 * placeholder.
 */
public interface DossierSection {

	/** After the archive's own files (which use 0–99). */
	int order();

	void write(Task task, Files files) throws IOException;

	/** Where a section puts its files: paths are relative to the dossier's root, with '/' separators. */
	interface Files {

		void add(String path, byte[] bytes) throws IOException;

		/** A file streamed by the writer; the stream must not be closed by it. */
		void add(String path, StreamWriter writer) throws IOException;

	}

	@FunctionalInterface
	interface StreamWriter {

		void writeTo(OutputStream out) throws IOException;

	}

}
