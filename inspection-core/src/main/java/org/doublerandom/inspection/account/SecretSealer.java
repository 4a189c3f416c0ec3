package org.doublerandom.inspection.account;

/**
 * Port: seals a secret for storage (authenticated encryption with a key kept outside the database) and
 * opens it again. The web layer supplies AES-GCM; the algorithm can be swapped (for SM4) without a schema
 * change, since the sealed text names it.
 */
public interface SecretSealer {

	String seal(byte[] secret);

	byte[] open(String sealed);

}
