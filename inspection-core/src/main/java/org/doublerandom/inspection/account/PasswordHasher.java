package org.doublerandom.inspection.account;

/** Port: one-way password hashing (the web layer supplies Spring Security's delegating encoder). */
public interface PasswordHasher {

	String hash(CharSequence rawPassword);

	boolean matches(CharSequence rawPassword, String hash);

}
