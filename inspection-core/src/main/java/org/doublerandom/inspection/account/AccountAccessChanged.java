package org.doublerandom.inspection.account;

/**
 * Event: what an account may do changed (disabled, roles changed, password reset, second factor reset),
 * so its open sessions must end. Published in the changing transaction; the web layer ends the sessions
 * after the commit.
 */
public record AccountAccessChanged(String username, String reason) {
}
