package io.txlab.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.txlab.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.rocketmq..", "org.redisson..", "java.sql..", "javax.sql..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = noClasses()
            .that().resideInAnyPackage("..web..", "..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..")
            .allowEmptyShould(false);
}
