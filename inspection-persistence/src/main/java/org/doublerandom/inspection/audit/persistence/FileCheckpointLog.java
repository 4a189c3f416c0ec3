package org.doublerandom.inspection.audit.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.audit.AuditCheckpoint;
import org.doublerandom.inspection.audit.AuditJson;
import org.doublerandom.inspection.audit.CheckpointLog;
import org.doublerandom.inspection.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The checkpoint file: {@code checkpoints.jsonl} in {@code inspection.audit.checkpoint-directory}, one JSON
 * object per line, only ever appended to (opened with APPEND, locked while writing, forced to disk).
 */
@Component
class FileCheckpointLog implements CheckpointLog {

	static final String FILE_NAME = "checkpoints.jsonl";

	private final Path file;

	FileCheckpointLog(@Value("${inspection.audit.checkpoint-directory:data/audit-checkpoints}") Path directory) {
		this.file = directory.resolve(FILE_NAME).toAbsolutePath();
	}

	@Override
	public synchronized void append(AuditCheckpoint checkpoint) {
		byte[] line = (AuditJson.checkpointLine(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			Files.createDirectories(this.file.getParent());
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
				channel.write(java.nio.ByteBuffer.wrap(line));
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot append to the audit checkpoint file " + this.file, ex);
		}
	}

	@Override
	public synchronized List<AuditCheckpoint> all() {
		if (!Files.exists(this.file)) {
			return List.of();
		}
		List<AuditCheckpoint> checkpoints = new ArrayList<>();
		try {
			int number = 0;
			for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				checkpoints.add(parse(line, number));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit checkpoint file " + this.file, ex);
		}
		return checkpoints;
	}

	@Override
	public synchronized void copyTo(OutputStream out) throws IOException {
		if (Files.exists(this.file)) {
			Files.copy(this.file, out);
		}
	}

	@Override
	public String location() {
		return this.file.toString();
	}

	private AuditCheckpoint parse(String line, int number) {
		try {
			Map<String, String> values = AuditJson.parseFlat(line);
			return new AuditCheckpoint(Long.parseLong(values.get("seq")), values.get("hash"),
					Instant.parse(values.get("time")), values.get("keyId"), values.get("signature"));
		}
		catch (RuntimeException ex) {
			// an altered file is a finding for the audit administrator, not an internal error
			throw new DomainException("audit.checkpoints.unreadable", null, number, this.file.toString());
		}
	}

}
