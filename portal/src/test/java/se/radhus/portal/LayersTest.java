package se.radhus.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The portal's layers: domain is plain Java; the client knows nothing of the pages. */
@AnalyzeClasses(packages = "se.radhus.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("..portal.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..portal.domain..",
                    "se.radhus.common.diarium..", "se.radhus.common.money..", "se.radhus.common.domain..");

    @ArchTest
    static final ArchRule theClientKnowsNoPage = noClasses().that().resideInAPackage("..portal.client..")
            .should().dependOnClassesThat().resideInAPackage("..portal.api..");
}
