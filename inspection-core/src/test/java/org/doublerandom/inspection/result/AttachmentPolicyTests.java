package org.doublerandom.inspection.result;

import java.nio.charset.StandardCharsets;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentPolicyTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };

	static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

	final AttachmentPolicy policy = new AttachmentPolicy(16);

	@Test
	void theTypeComesFromTheFirstBytesAndTheNameMustAgreeWithinTheSizeLimit() {
		assertThat(this.policy.check("现场照片.PNG", PNG)).isEqualTo("image/png");
		assertThat(this.policy.check("record.pdf", PDF)).isEqualTo("application/pdf");
		assertThat(this.policy.check("a.jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).isEqualTo("image/jpeg");
		// a script renamed to .png is refused by its content, a PNG called .pdf by its name
		assertThatThrownBy(() -> this.policy.check("photo.png", "MZ-not-an-image".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(DomainException.class).hasMessage("result.attachment.type");
		assertThatThrownBy(() -> this.policy.check("photo.pdf", PNG)).hasMessage("result.attachment.mismatch");
		assertThatThrownBy(() -> this.policy.check("big.pdf", new byte[17])).hasMessage("result.attachment.tooLarge");
		assertThatThrownBy(() -> this.policy.check("empty.pdf", new byte[0])).hasMessage("result.attachment.empty");
	}

}
