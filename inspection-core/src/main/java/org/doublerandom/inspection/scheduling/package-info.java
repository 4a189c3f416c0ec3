/**
 * 定时任务: scheduled jobs that must run on one instance only when several instances share a database.
 */
package org.doublerandom.inspection.scheduling;
