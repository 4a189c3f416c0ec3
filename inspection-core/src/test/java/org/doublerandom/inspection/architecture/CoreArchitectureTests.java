package org.doublerandom.inspection.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain stays free of web and ORM implementations (pairs with the enforcer ban in the pom). */
@AnalyzeClasses(packages = "org.doublerandom.inspection", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTests {

	@ArchTest
	static final ArchRule coreUsesNoWebServletOrOrmImplementation = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.data.jpa..",
				"org.hibernate..", "org.springframework.orm..", "org.springframework.security..", "org.thymeleaf..");

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.doublerandom.inspection.(*)..")
		.should()
		.beFreeOfCycles();

	// the draw and every business rule must be reproducible: no hidden randomness in the domain
	@ArchTest
	static final ArchRule noHiddenRandomness = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.util.Random")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.security.SecureRandom")
		.orShould()
		.callMethod(Math.class, "random");

}
