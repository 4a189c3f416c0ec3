/** 用户账户: staff accounts, their roles under 三员分立, and the password policy. */
package org.doublerandom.inspection.account;
