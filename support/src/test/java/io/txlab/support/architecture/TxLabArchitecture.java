package io.txlab.support.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every service is held to, in the style of ddd-by-examples/library's
 * LendingHexagonalArchitectureTest; each service's own ArchUnit test applies them to its root package (shipped
 * in support's test-jar so that the rules have one home).
 *
 * <p>A service's code sits in features ({@code io.txlab.order.ordering}, {@code io.txlab.order.flashsale}, ...),
 * each with a {@code domain}, an {@code application} and adapters named for what they talk to: {@code web},
 * {@code messaging}, {@code persistence}, {@code redis}, {@code remote}, {@code outbox}. A service may also have a
 * shared kernel ({@code <service>.sharedkernel}): domain values more than one of its features speak in.
 */
public final class TxLabArchitecture {

    /** Every adapter package a feature may have; a package not listed here fails {@link #hexagonal(String)}. */
    static final String[] ADAPTERS = {"web", "messaging", "persistence", "redis", "remote", "outbox"};

    /** What talks to a broker, Redis, a database or HTTP: adapters' business, never the application's. */
    static final String[] INFRASTRUCTURE = {"org.apache.rocketmq..", "org.redisson..",
            "java.sql..", "javax.sql..", "org.springframework.jdbc..",
            "jakarta.servlet..", "org.springframework.web..", "org.springframework.http.."};

    private TxLabArchitecture() {
    }

    /**
     * The rings of every feature: the domain (with the service's shared kernel) depends on nothing else of the
     * feature; the application on the domain only; adapters on both, never on each other (web does not read persistence, the relay in outbox
     * does not call messaging's listeners). Every class of a feature sits in one ring.
     */
    public static ArchRule hexagonal(String service) {
        var rings = onionArchitecture()
                .domainModels(domain(service))
                .applicationServices(service + ".*.application..");
        for (String adapter : ADAPTERS) {
            rings = rings.adapter(adapter, service + ".*." + adapter + "..");
        }
        return rings
                // not every feature has every kind of adapter; the next line still puts each class in a ring
                .withOptionalLayers(true)
                .ensureAllClassesAreContainedInArchitectureIgnoring(service)
                // the service's bootstrap class (the root package) wires the rings together
                .ignoreDependency(resideInAPackage(service), alwaysTrue())
                .because("application code reaches adapters only through ports (interfaces), and an adapter "
                        + "reaches another one only through the application");
    }

    /**
     * The domain is plain Java: the JDK without JDBC, the domain, the service's shared kernel and contracts. No
     * Spring, RocketMQ, Redisson, Jackson or support.
     */
    public static ArchRule domainIsPlainJava(String service) {
        return classes()
                .that().resideInAnyPackage(domain(service))
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage(plus(domain(service), "java..", "io.txlab.contracts.."))
                                .and(not(resideInAnyPackage("java.sql.."))))
                .allowEmptyShould(false)
                .because("domain rules stay free of frameworks, JDBC and the services' machinery");
    }

    /** The application layer uses ports; the broker, Redis, JDBC and HTTP types are the adapters'. */
    public static ArchRule applicationUsesNoInfrastructure(String service) {
        return classes()
                .that().resideInAPackage(service + ".*.application..")
                .should(onlyHaveDependenciesWhere(dependencyTarget(not(resideInAnyPackage(INFRASTRUCTURE))))
                        .as("not depend on classes in " + String.join(", ", INFRASTRUCTURE)))
                .allowEmptyShould(false)
                .because("application code reaches the broker, Redis, the database and HTTP only through ports");
    }

    /**
     * Features use each other only through their application layer (its services, ports, values and
     * exceptions) and the service's shared kernel, in the style of library's ModularArchitectureTest: one
     * feature's domain, persistence or other adapters are its own.
     */
    public static ArchRule featuresUseEachOtherOnlyThroughTheirApplication(String service) {
        return slices()
                .matching(service + ".(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(service + ".*.application..", service + ".sharedkernel.."))
                .because("a feature's domain and adapters are its own; others use its application layer");
    }

    private static String[] domain(String service) {
        return new String[] {service + ".*.domain..", service + ".sharedkernel.."};
    }

    private static String[] plus(String[] packages, String... more) {
        String[] all = Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }
}
