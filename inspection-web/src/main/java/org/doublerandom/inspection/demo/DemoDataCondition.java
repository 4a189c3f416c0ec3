package org.doublerandom.inspection.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo data belongs to the embedded default only: on when no datasource is configured, unless
 * {@code inspection.demo.enabled} says otherwise (tests switch it on against their own database).
 */
class DemoDataCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		Boolean explicit = environment.getProperty("inspection.demo.enabled", Boolean.class);
		if (explicit != null) {
			return explicit;
		}
		String url = environment.getProperty("spring.datasource.url");
		return url == null || url.isBlank();
	}

}
