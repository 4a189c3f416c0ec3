/**
 * 用户账户: staff accounts, their roles under 三员分立, the password policy with its common-password
 * blocklist, history and expiry, the lockout after failed sign-ins (登录失败处理) and the administrators'
 * second factor (双因素认证, TOTP).
 */
package org.doublerandom.inspection.account;
