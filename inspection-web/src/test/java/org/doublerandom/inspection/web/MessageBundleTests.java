package org.doublerandom.inspection.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.TargetKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese first, English too: both bundles hold the same keys, every key a template names exists, every
 * enum shown to users has a label, and no template carries visible text outside the bundles.
 */
class MessageBundleTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	// letters in any script: visible words, as opposed to digits, punctuation and separators
	static final Pattern WORDS = Pattern.compile("[\\p{L}]");

	static final Set<String> TEXT_ATTRIBUTES = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors",
			"sec:authentication", "layout:fragment");

	static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "value");

	static final Path BUNDLES = Path.of("src/main/resources/messages");

	@Test
	void everyBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
		for (String base : baseNames()) {
			Set<String> chinese = load("messages/" + base + ".properties").stringPropertyNames();
			Set<String> english = load("messages/" + base + "_en.properties").stringPropertyNames();
			assertThat(difference(chinese, english)).as("keys missing in %s_en.properties", base).isEmpty();
			assertThat(difference(english, chinese)).as("keys missing in %s.properties", base).isEmpty();
		}
	}

	@Test
	void everyBundleIsConfiguredAndNoKeyIsDefinedTwice() throws IOException {
		Properties application = load("application.properties");
		Set<String> configured = new TreeSet<>(List.of(application.getProperty("spring.messages.basename").split(",")));
		assertThat(configured).containsExactlyInAnyOrderElementsOf(
				baseNames().stream().map(base -> "messages/" + base).toList());
		Set<String> seen = new TreeSet<>();
		for (String base : baseNames()) {
			for (String key : load("messages/" + base + ".properties").stringPropertyNames()) {
				assertThat(seen.add(key)).as("key %s defined in more than one bundle", key).isTrue();
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties chinese = allChinese();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher m = LITERAL_KEY.matcher(Files.readString(template));
			while (m.find()) {
				if (!chinese.containsKey(m.group(1))) {
					missing.add(template + ": " + m.group(1));
				}
			}
			// keys passed to the field fragment as its first argument
			Matcher fields = Pattern.compile("fields :: input\\('([^']+)'").matcher(Files.readString(template));
			while (fields.find()) {
				if (!chinese.containsKey(fields.group(1))) {
					missing.add(template + ": " + fields.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumAndErrorKindShownToUsersHasALabel() throws IOException {
		Properties chinese = allChinese();
		List<String> expected = new ArrayList<>();
		Stream.of(Role.values()).forEach(v -> expected.add("enum.Role." + v.name()));
		Stream.of(Role.values()).forEach(v -> expected.add("role.describe." + v.name()));
		Stream.of(TargetKind.values()).forEach(v -> expected.add("enum.TargetKind." + v.name()));
		Stream.of(CreditClass.values()).forEach(v -> expected.add("enum.CreditClass." + v.name()));
		Stream.of(InspectionMethod.values()).forEach(v -> expected.add("enum.InspectionMethod." + v.name()));
		Stream.of(AuditOutcome.values()).forEach(v -> expected.add("enum.AuditOutcome." + v.name()));
		Stream.of("400", "403", "404", "500", "generic").forEach(kind -> {
			expected.add("error." + kind + ".title");
			expected.add("error." + kind + ".explain");
		});
		assertThat(expected).allSatisfy(key -> assertThat(chinese).containsKey(key));
	}

	@Test
	void templatesHoldNoHardCodedVisibleText() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates()) {
			var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				if (element.tagName().equals("script") || element.tagName().equals("style")
						|| replacedByThymeleaf(element)) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (WORDS.matcher(text.text()).find()) {
						offenders.add(template + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
					}
				}
				element.attributes().forEach(attribute -> {
					if (VISIBLE_ATTRIBUTES.contains(attribute.getKey()) && WORDS.matcher(attribute.getValue()).find()
							&& !attribute.getKey().equals("value")) {
						offenders.add(template + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
					}
				});
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void theHardCodedTextCheckCatchesAnUntranslatedLabel() {
		var document = Jsoup.parse("<div><label for=\"x\">用户名</label><span th:text=\"#{a}\">placeholder</span></div>",
				"", Parser.xmlParser());
		Element label = document.selectFirst("label");
		Element span = document.selectFirst("span");
		assertThat(replacedByThymeleaf(label)).isFalse();
		assertThat(WORDS.matcher(label.textNodes().get(0).text()).find()).isTrue();
		assertThat(replacedByThymeleaf(span)).isTrue();
	}

	/** Text inside an element whose content Thymeleaf replaces (or inside such an element) is never shown. */
	static boolean replacedByThymeleaf(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			for (String attribute : TEXT_ATTRIBUTES) {
				if (e.hasAttr(attribute) && !attribute.equals("layout:fragment")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The feature bundles: messages, item, target, ... (file names without the _en suffix). */
	static Set<String> baseNames() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.map(p -> p.getFileName().toString())
				.filter(name -> name.endsWith(".properties") && !name.endsWith("_en.properties"))
				.map(name -> name.substring(0, name.length() - ".properties".length()))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	/** Every Chinese key of every bundle: what Spring resolves a message key against. */
	static Properties allChinese() throws IOException {
		Properties all = new Properties();
		for (String base : baseNames()) {
			all.putAll(load("messages/" + base + ".properties"));
		}
		return all;
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

}
