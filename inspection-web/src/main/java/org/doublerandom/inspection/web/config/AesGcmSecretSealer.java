package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.doublerandom.inspection.account.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets with AES-256-GCM (a fresh 96-bit nonce each time, the "A1:" prefix naming the scheme so
 * an SM4 scheme can follow). The key comes from {@code inspection.security.totp.key} (base64, 32 bytes, from
 * the environment in production), else from the file {@code inspection.security.totp.key-file}, created on
 * first start with owner-only permissions. It never enters the database, so a database dump alone does not
 * reveal the secrets.
 */
@Component
class AesGcmSecretSealer implements SecretSealer {

	private static final Logger LOG = LoggerFactory.getLogger(AesGcmSecretSealer.class);

	private static final String PREFIX = "A1:";

	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	AesGcmSecretSealer(@Value("${inspection.security.totp.key:}") String configuredKey,
			@Value("${inspection.security.totp.key-file:}") String keyFile) {
		this.key = new SecretKeySpec(keyBytes(configuredKey, keyFile), "AES");
	}

	@Override
	public String seal(byte[] secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret);
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	@Override
	public byte[] open(String sealed) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("unknown sealing scheme");
		}
		byte[] data = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(128, Arrays.copyOfRange(data, 0, NONCE_BYTES)));
			return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			// wrong key or altered data: the factor cannot be checked, and the message says no more
			throw new IllegalStateException("sealed secret cannot be opened with the configured key");
		}
	}

	private byte[] keyBytes(String configuredKey, String keyFile) {
		if (!configuredKey.isBlank()) {
			return checked(Base64.getDecoder().decode(configuredKey.strip()));
		}
		if (keyFile.isBlank()) {
			LOG.warn("No inspection.security.totp.key or key-file configured: TOTP secrets are sealed with a key "
					+ "that lasts until the application stops; enrolments will not survive a restart");
			byte[] key = new byte[32];
			this.random.nextBytes(key);
			return key;
		}
		Path path = Path.of(keyFile);
		try {
			if (!Files.exists(path)) {
				create(path);
			}
			return checked(Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("TOTP key file " + path.toAbsolutePath(), ex);
		}
	}

	private void create(Path path) throws IOException {
		byte[] key = new byte[32];
		this.random.nextBytes(key);
		if (path.toAbsolutePath().getParent() != null) {
			Files.createDirectories(path.toAbsolutePath().getParent());
		}
		try {
			Files.writeString(path, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				LOG.warn("Cannot restrict the permissions of {}: protect it by other means", path);
			}
			LOG.info("Created the TOTP sealing key {}; back it up with the database", path.toAbsolutePath());
		}
		catch (FileAlreadyExistsException ex) {
			// another instance created it first: use theirs
		}
	}

	private static byte[] checked(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("inspection.security.totp.key must be 32 bytes in base64");
		}
		return key;
	}

}
