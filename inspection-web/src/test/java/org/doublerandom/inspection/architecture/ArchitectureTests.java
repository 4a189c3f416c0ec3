package org.doublerandom.inspection.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Module rules across every jar of the application (core, persistence and web on one classpath). */
@AnalyzeClasses(packages = "org.doublerandom.inspection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final DescribedPredicate<JavaClass> WEB_INFRASTRUCTURE = resideInAPackage(
			"org.doublerandom.inspection.web..");

	// web code reaches data only through core services and ports
	@ArchTest
	static final ArchRule webNeverTouchesRepositories = noClasses().that()
		.resideInAnyPackage("..web..", "..demo..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..persistence..", "org.springframework.data.repository..", "jakarta.persistence..",
				"org.hibernate..", "org.springframework.jdbc..");

	// features depend on each other without cycles; the shared web infrastructure is not a feature
	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("org.doublerandom.inspection.(*)..")
		.should()
		.beFreeOfCycles()
		.ignoreDependency(WEB_INFRASTRUCTURE, DescribedPredicate.alwaysTrue())
		.ignoreDependency(DescribedPredicate.alwaysTrue(), WEB_INFRASTRUCTURE);

	// controllers are package-private: nothing outside their feature's web package calls them
	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.areAnnotatedWith(Controller.class)
		.should()
		.notBePublic()
		.andShould()
		.resideInAPackage("..web..");

	// core services and domain never reach up into the web layer
	@ArchTest
	static final ArchRule nothingOutsideWebDependsOnWeb = noClasses().that()
		.resideOutsideOfPackages("..web..", "..demo..")
		.and()
		.doNotHaveSimpleName("InspectionApplication")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..");

}
