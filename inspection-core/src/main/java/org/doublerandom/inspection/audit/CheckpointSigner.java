package org.doublerandom.inspection.audit;

/** Port: the Ed25519 key that signs checkpoints, kept in a file outside the database. */
public interface CheckpointSigner {

	/** Base64 of the Ed25519 signature of the bytes. */
	String sign(byte[] message);

	boolean verify(byte[] message, String signature);

	/** The first 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
	String keyId();

	/** The public key as PEM (X.509 SubjectPublicKeyInfo), to publish. */
	String publicKeyPem();

}
