package io.txlab.support.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every service is held to; each service's own ArchUnit test applies them to its
 * classes (shipped in support's test-jar so that the rules have one home).
 */
public final class TxLabArchitecture {

    /** Domain rules stay plain Java: no Spring, RocketMQ, Redisson or JDBC (DESIGN.md, Layout). */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.rocketmq..", "org.redisson..", "java.sql..", "javax.sql..")
            .allowEmptyShould(false)
            .because("domain rules stay free of frameworks and JDBC (DESIGN.md, Layout)");

    /** Web and messaging adapters go through the application layer, never straight to persistence. */
    public static final ArchRule ADAPTERS_DO_NOT_REACH_INTO_PERSISTENCE = noClasses()
            .that().resideInAnyPackage("..web..", "..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..")
            .allowEmptyShould(false);

    private TxLabArchitecture() {
    }
}
