package io.txlab.e2e.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How the modules may use each other, in the style of ddd-by-examples/library's ModularArchitectureTest: checked
 * on every module's main classes, which this module has on its test classpath (run it with {@code -am}, so that
 * the reactor's fresh classes are read, not the jars in the local repository). Each service's own layers are
 * checked by its *ArchitectureTest (support's TxLabArchitecture).
 */
@AnalyzeClasses(packages = "io.txlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularArchitectureTest {

    private static final String CONTRACTS = "io.txlab.contracts..";
    private static final String SUPPORT = "io.txlab.support..";
    private static final String DEVSTACK = "io.txlab.devstack..";
    private static final String TOOLS = "io.txlab.tools..";
    private static final String ORDER = "io.txlab.order..";
    private static final String INVENTORY = "io.txlab.inventory..";
    private static final String PAYMENT = "io.txlab.payment..";

    /** The names every module reads: a framework here would reach all of them. */
    @ArchTest
    static final ArchRule contractsAreJdkOnly = classes()
            .that().resideInAPackage(CONTRACTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", CONTRACTS)
            .because("the services, the devstack and the tools all read contracts, and none should drag a "
                    + "framework or another module into another");

    @ArchTest
    static final ArchRule supportKnowsNoServiceDevstackOrTool = noClasses()
            .that().resideInAPackage(SUPPORT)
            .should().dependOnClassesThat().resideInAnyPackage(ORDER, INVENTORY, PAYMENT, DEVSTACK, TOOLS)
            .because("support is the services' shared machinery: they use it, it uses none of them");

    @ArchTest
    static final ArchRule orderServiceUsesNoOtherService = serviceUsesNoOtherService(ORDER, INVENTORY, PAYMENT);

    @ArchTest
    static final ArchRule inventoryServiceUsesNoOtherService = serviceUsesNoOtherService(INVENTORY, ORDER, PAYMENT);

    @ArchTest
    static final ArchRule paymentServiceUsesNoOtherService = serviceUsesNoOtherService(PAYMENT, ORDER, INVENTORY);

    /** The console's dead letters reuse the dlq tool's code; nothing else of the tools is a service's. */
    @ArchTest
    static final ArchRule servicesUseOfToolsOnlyTheDeadLetterCode = noClasses()
            .that().resideInAnyPackage(ORDER, INVENTORY, PAYMENT)
            .should().dependOnClassesThat(resideInAPackage(TOOLS).and(not(resideInAPackage("io.txlab.tools.dlq.."))))
            .because("the order service reads and replays dead letters as scripts/dlq.sh does, through its code; "
                    + "the rest of the tools are clients of the platform");

    /** The tools talk to the services over HTTP, the broker and the databases, as a client would. */
    @ArchTest
    static final ArchRule toolsUseNoServiceAndNoSupport = noClasses()
            .that().resideInAPackage(TOOLS)
            .should().dependOnClassesThat().resideInAnyPackage(ORDER, INVENTORY, PAYMENT, SUPPORT)
            .because("the tools are clients of the platform: they speak its contracts, not its code");

    @ArchTest
    static final ArchRule devstackUsesOnlyContracts = noClasses()
            .that().resideInAPackage(DEVSTACK)
            .should().dependOnClassesThat(resideInAPackage("io.txlab..")
                    .and(not(resideInAnyPackage(DEVSTACK, CONTRACTS))))
            .as("no classes that reside in a package '" + DEVSTACK + "' should depend on classes of TxLab "
                    + "other than '" + DEVSTACK + "' and '" + CONTRACTS + "'")
            .because("the devstack starts the infrastructure (broker, MariaDB, Redis) for any module; it knows "
                    + "their topics and schemas from contracts only");

    /** Each service is deployed alone: it meets the others on the broker and over HTTP, never in code. */
    private static ArchRule serviceUsesNoOtherService(String service, String... others) {
        return noClasses()
                .that().resideInAPackage(service)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("each service is deployed alone and meets the others on the broker and over HTTP");
    }
}
