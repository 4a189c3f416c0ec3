package org.doublerandom.inspection.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Keeps the audit checkpoint key and file of every test context under the module's {@code target}, one
 * directory per test JVM, instead of {@code ./data}. Added last, so a test's own properties win.
 */
class AuditFilesContextCustomizerFactory implements ContextCustomizerFactory {

	static final Path ROOT = Path.of("target", "audit-test-files-" + ProcessHandle.current().pid()).toAbsolutePath();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new AuditFilesContextCustomizer();
	}

	static final class AuditFilesContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("inspectionAuditTestFiles",
						Map.of("inspection.audit.signing-key", ROOT.resolve("keys/checkpoint-ed25519.pem").toString(),
								"inspection.audit.checkpoint-directory", ROOT.resolve("checkpoints").toString())));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof AuditFilesContextCustomizer;
		}

		@Override
		public int hashCode() {
			return AuditFilesContextCustomizer.class.hashCode();
		}

	}

}
