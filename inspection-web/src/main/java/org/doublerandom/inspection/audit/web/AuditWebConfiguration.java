package org.doublerandom.inspection.audit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the scheduled audit checkpoints (inspection.audit.checkpoint-interval). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditWebConfiguration {

}
