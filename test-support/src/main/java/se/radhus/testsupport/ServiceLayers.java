package se.radhus.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layering the house rules name, one definition for every service: each service's
 * {@code ArchitectureTest} checks its own compiled classes against these rules with its base package
 * ({@code se.radhus.meetings}, {@code se.radhus.finance}, …).
 *
 * <ul>
 *   <li>{@code domain} depends on {@code java.*}, itself and the framework-free packages of common only;</li>
 *   <li>{@code api} never touches BSON or the MongoDB driver (the store's business);</li>
 *   <li>{@code store} never imports {@code api};</li>
 *   <li>no package cycles between the service's top-level packages.</li>
 * </ul>
 */
public final class ServiceLayers {

    /** The packages of common that know no framework, no driver and no I/O: what a domain may use. */
    public static final Set<String> FRAMEWORK_FREE_COMMON = Set.of(
            "se.radhus.common.domain..", "se.radhus.common.money..", "se.radhus.common.diarium..");

    /** BSON and the MongoDB driver. */
    public static final Set<String> STORE_LIBRARIES = Set.of("org.bson..", "com.mongodb..");

    private ServiceLayers() {
    }

    /** The service's own main classes (no tests), as the rules check them. */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** {@code base.domain..} depends on {@code java..}, itself and {@link #FRAMEWORK_FREE_COMMON} only. */
    public static ArchRule domainIsPlainJava(String basePackage) {
        String[] allowed = Stream.concat(Stream.of("java..", basePackage + ".domain.."), FRAMEWORK_FREE_COMMON.stream())
                .sorted().toArray(String[]::new);
        return classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("domain rules stay in plain Java: no framework, driver or I/O");
    }

    /**
     * {@code base.api..} never depends on BSON or the driver.
     *
     * @param knownDebt fully qualified names of API classes that still do, named so that nothing else joins them
     */
    public static ArchRule apiNeverTouchesBsonOrTheDriver(String basePackage, String... knownDebt) {
        Set<String> debt = Set.of(knownDebt);
        return noClasses().that().resideInAPackage(basePackage + ".api..")
                .and(DescribedPredicate.describe("are not named as known debt " + debt,
                        (JavaClass c) -> !debt.contains(c.getName())))
                .should().dependOnClassesThat().resideInAnyPackage(STORE_LIBRARIES.toArray(String[]::new))
                .because("documents and queries belong to the store; the API speaks domain records");
    }

    /** {@code base.store..} never depends on {@code base.api..}. */
    public static ArchRule storeNeverImportsTheApi(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".store..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".api..")
                .because("the store serves the service and the API, never the other way round");
    }

    /** No cycles between the top-level packages under {@code base} ({@code api}, {@code service}, {@code store} …). */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }
}
