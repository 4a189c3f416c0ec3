package org.doublerandom.inspection.audit.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.doublerandom.inspection.audit.CheckpointSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The checkpoint key: an Ed25519 private key in a PEM file outside the database
 * ({@code inspection.audit.signing-key}), its public key in the same directory with the suffix
 * {@code .pub.pem}. Generated on first start when missing; the log says where, so it can be backed up.
 */
@Component
class FileCheckpointSigner implements CheckpointSigner {

	private static final Logger log = LoggerFactory.getLogger(FileCheckpointSigner.class);

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	FileCheckpointSigner(@Value("${inspection.audit.signing-key:data/audit-keys/checkpoint-ed25519.pem}") Path keyFile) {
		try {
			Path publicFile = publicKeyFile(keyFile);
			if (!Files.exists(keyFile)) {
				generate(keyFile, publicFile);
			}
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(readPem(keyFile, "PRIVATE KEY")));
			if (!Files.exists(publicFile)) {
				throw new IOException("The public key " + publicFile.toAbsolutePath() + " belonging to "
						+ keyFile.toAbsolutePath() + " is missing; restore it from the backup (or from the published copy)");
			}
			this.publicKey = factory.generatePublic(new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
			this.keyId = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(this.publicKey.getEncoded()))
				.substring(0, 16);
			if (!verify("key check".getBytes(StandardCharsets.UTF_8), sign("key check".getBytes(StandardCharsets.UTF_8)))) {
				throw new IllegalStateException("The audit checkpoint keys " + keyFile + " and " + publicFile
						+ " do not belong together");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot read or create the audit checkpoint key " + keyFile.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The audit checkpoint key " + keyFile.toAbsolutePath() + " is not an Ed25519 key",
					ex);
		}
	}

	static Path publicKeyFile(Path keyFile) {
		String name = keyFile.getFileName().toString();
		String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
		return keyFile.resolveSibling(base + ".pub.pem");
	}

	@Override
	public String sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(this.privateKey);
			signature.update(message);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 signing failed", ex);
		}
	}

	@Override
	public boolean verify(byte[] message, String signatureBase64) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(this.publicKey);
			signature.update(message);
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException | IllegalArgumentException | NullPointerException ex) {
			return false;
		}
	}

	@Override
	public String keyId() {
		return this.keyId;
	}

	@Override
	public String publicKeyPem() {
		return pem("PUBLIC KEY", this.publicKey.getEncoded());
	}

	private static void generate(Path keyFile, Path publicFile) throws IOException, GeneralSecurityException {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Path directory = keyFile.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Files.writeString(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
		try {
			Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions protect the key
		}
		Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
		log.warn("Generated a new audit checkpoint signing key (Ed25519): private key {}, public key {}. "
				+ "Back up the private key outside this server and publish the public key; "
				+ "checkpoints signed with a lost key can no longer be told from forgeries.",
				keyFile.toAbsolutePath(), publicFile.toAbsolutePath());
	}

	private static byte[] readPem(Path file, String type) throws IOException {
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IOException(file.toAbsolutePath() + " holds no " + type + " in PEM form");
		}
		return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

}
