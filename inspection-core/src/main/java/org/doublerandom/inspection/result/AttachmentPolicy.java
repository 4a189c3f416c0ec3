package org.doublerandom.inspection.result;

import java.util.Locale;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 附件: photos (JPEG, PNG) and PDFs up to a configurable size ({@code inspection.results.attachment-max-bytes},
 * default 10 MB). The type is read from the file's first bytes (magic numbers); the name's extension must agree,
 * so a renamed executable is refused whatever it is called.
 */
public record AttachmentPolicy(long maxBytes) {

	public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

	public AttachmentPolicy {
		if (maxBytes < 1) {
			throw new IllegalArgumentException("max bytes must be positive");
		}
	}

	/** The content type the file really has; refuses empty, oversized, unknown or misnamed files. */
	public String check(String fileName, byte[] content) {
		if (fileName == null || fileName.isBlank() || fileName.length() > 200) {
			throw new DomainException("result.attachment.name", "file");
		}
		if (content == null || content.length == 0) {
			throw new DomainException("result.attachment.empty", "file");
		}
		if (content.length > this.maxBytes) {
			throw new DomainException("result.attachment.tooLarge", "file", this.maxBytes / (1024 * 1024));
		}
		String type = sniff(content);
		if (type == null) {
			throw new DomainException("result.attachment.type", "file", fileName);
		}
		String name = fileName.toLowerCase(Locale.ROOT);
		boolean named = switch (type) {
			case "image/jpeg" -> name.endsWith(".jpg") || name.endsWith(".jpeg");
			case "image/png" -> name.endsWith(".png");
			default -> name.endsWith(".pdf");
		};
		if (!named) {
			throw new DomainException("result.attachment.mismatch", "file", fileName);
		}
		return type;
	}

	static String sniff(byte[] c) {
		if (starts(c, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (starts(c, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		return null;
	}

	private static boolean starts(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
