package org.doublerandom.inspection.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link PostgresTestDatabase}, without an annotation on each
 * test. The datasource properties are resolved lazily, so slice tests that never open a
 * connection (e.g. {@code @WebMvcTest}) never start a server.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestDatabaseContextCustomizer();
	}

	static final class TestDatabaseContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment().getPropertySources().addFirst(new LazyDatabaseProperties());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseContextCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseContextCustomizer.class.hashCode();
		}

	}

	static final class LazyDatabaseProperties extends PropertySource<Object> {

		private static final Map<String, java.util.function.Function<PostgresTestDatabase.Connection, String>> KEYS = Map
			.of("spring.datasource.url", PostgresTestDatabase.Connection::jdbcUrl, "spring.datasource.username",
					PostgresTestDatabase.Connection::username, "spring.datasource.password",
					PostgresTestDatabase.Connection::password);

		LazyDatabaseProperties() {
			super("inspectionTestDatabase", new Object());
		}

		@Override
		public boolean containsProperty(String name) {
			return KEYS.containsKey(name) || "spring.test.database.replace".equals(name);
		}

		@Override
		public Object getProperty(String name) {
			if ("spring.test.database.replace".equals(name)) {
				return "none";
			}
			var key = KEYS.get(name);
			return (key != null) ? key.apply(PostgresTestDatabase.connection()) : null;
		}

	}

}
