package org.doublerandom.inspection.account;

/** Command: create a staff account with an initial password that must be changed at first sign-in. */
public record NewAccount(String username, String displayName, Long departmentId, String initialPassword) {
}
