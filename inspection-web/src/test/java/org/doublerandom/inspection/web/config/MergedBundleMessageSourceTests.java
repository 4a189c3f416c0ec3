package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged message source answers exactly what Spring's ResourceBundleMessageSource answers over the app's own
 * bundles, for every code, in Chinese, English and a locale it has no bundle for, and never hands two callers the
 * same MessageFormat to format under a lock.
 */
class MergedBundleMessageSourceTests {

	static final Locale[] LOCALES = { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Locale.forLanguageTag("fr-FR") };

	@Test
	void answersEveryCodeAsResourceBundleMessageSourceDoes() throws IOException {
		String[] basenames = basenames();
		ResourceBundleMessageSource spring = configure(new ResourceBundleMessageSource(), basenames);
		MergedBundleMessageSource merged = configure(new MergedBundleMessageSource(), basenames);
		Set<String> codes = new TreeSet<>();
		for (String basename : basenames) {
			codes.addAll(ResourceBundle.getBundle(basename, Locale.ROOT).keySet());
		}
		assertThat(codes).as("codes in the app's bundles").hasSizeGreaterThan(500);
		Object[] arguments = { 7, "甲", 3 };
		for (Locale locale : LOCALES) {
			for (String code : codes) {
				assertThat(merged.getMessage(code, null, "?", locale)).as(code + " in " + locale)
					.isEqualTo(spring.getMessage(code, null, "?", locale));
				assertThat(answer(merged, code, arguments, locale)).as(code + " with arguments in " + locale)
					.isEqualTo(answer(spring, code, arguments, locale));
			}
			assertThat(merged.getMessage("no.such.code", arguments, "fallback {0}", locale)).isEqualTo("fallback 7");
		}
	}

	@Test
	void everyLookupOfAMessageWithArgumentsGetsAFormatOfItsOwn() throws IOException {
		MergedBundleMessageSource merged = configure(new MergedBundleMessageSource(), basenames());

		MessageFormat first = merged.resolveCode("pagination.position", Locale.SIMPLIFIED_CHINESE);
		MessageFormat second = merged.resolveCode("pagination.position", Locale.SIMPLIFIED_CHINESE);

		assertThat(first).isNotNull().isNotSameAs(second);
		assertThat(first.toPattern()).isEqualTo(second.toPattern());
	}

	@Test
	void localesBeyondTheCachedOnesAreStillAnsweredButNotKept() throws IOException {
		String[] basenames = basenames();
		ResourceBundleMessageSource spring = configure(new ResourceBundleMessageSource(), basenames);
		MergedBundleMessageSource merged = configure(new MergedBundleMessageSource(), basenames);

		for (int i = 0; i < MergedBundleMessageSource.MAX_CACHED_LOCALES * 4; i++) {
			Locale locale = Locale.forLanguageTag("x-l" + i);
			assertThat(merged.getMessage("public.siteName", null, locale))
				.isEqualTo(spring.getMessage("public.siteName", null, locale));
		}
		assertThat(merged.cachedLocales()).isLessThanOrEqualTo(MergedBundleMessageSource.MAX_CACHED_LOCALES);
	}

	/** The message, or the exception a pattern that wants a number or a date throws on these arguments. */
	static String answer(ResourceBundleMessageSource source, String code, Object[] arguments, Locale locale) {
		try {
			return source.getMessage(code, arguments, "?", locale);
		}
		catch (IllegalArgumentException ex) {
			return ex.toString();
		}
	}

	static <T extends ResourceBundleMessageSource> T configure(T source, String[] basenames) {
		source.setBasenames(basenames);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** spring.messages.basename of application.properties: the bundles the app runs with. */
	static String[] basenames() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MergedBundleMessageSourceTests.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		return properties.getProperty("spring.messages.basename").split(",");
	}

}
