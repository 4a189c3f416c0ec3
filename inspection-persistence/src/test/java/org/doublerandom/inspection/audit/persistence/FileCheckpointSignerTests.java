package org.doublerandom.inspection.audit.persistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCheckpointSignerTests {

	@TempDir
	Path dir;

	@Test
	void aMissingKeyIsGeneratedOnceThenReadBackTheSame() throws Exception {
		Path key = this.dir.resolve("keys/checkpoint-ed25519.pem");
		FileCheckpointSigner first = new FileCheckpointSigner(key);
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(this.dir.resolve("keys/checkpoint-ed25519.pub.pem"))).isEqualTo(first.publicKeyPem());

		FileCheckpointSigner again = new FileCheckpointSigner(key);
		assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
		byte[] message = "audit-checkpoint-v1\n1\nabc\n2026-03-02T01:00:00Z".getBytes(StandardCharsets.UTF_8);
		String signature = first.sign(message);
		assertThat(again.verify(message, signature)).isTrue();
		message[0] = 'A';
		assertThat(again.verify(message, signature)).isFalse();
		assertThat(again.verify(message, "not base64!")).isFalse();
	}

	@Test
	void aPrivateKeyWithoutItsPublicKeyOrWithAnotherOneIsRefused() throws Exception {
		Path key = this.dir.resolve("a/checkpoint-ed25519.pem");
		new FileCheckpointSigner(key);
		Path publicKey = this.dir.resolve("a/checkpoint-ed25519.pub.pem");
		Files.delete(publicKey);
		assertThatThrownBy(() -> new FileCheckpointSigner(key)).hasMessageContaining("is missing");

		Path other = this.dir.resolve("b/checkpoint-ed25519.pem");
		new FileCheckpointSigner(other);
		Files.copy(this.dir.resolve("b/checkpoint-ed25519.pub.pem"), publicKey);
		assertThatThrownBy(() -> new FileCheckpointSigner(key)).hasMessageContaining("do not belong together");
	}

}
