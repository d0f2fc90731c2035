package io.txlab.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.txlab.support.architecture.TxLabArchitecture;

/** TxLabArchitecture's rules, applied to this service's classes. */
@AnalyzeClasses(packages = OrderArchitectureTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class OrderArchitectureTest {

    static final String SERVICE = "io.txlab.order";

    @ArchTest
    static final ArchRule hexagonal = TxLabArchitecture.hexagonal(SERVICE);

    @ArchTest
    static final ArchRule domainIsPlainJava = TxLabArchitecture.domainIsPlainJava(SERVICE);

    @ArchTest
    static final ArchRule applicationUsesNoInfrastructure = TxLabArchitecture.applicationUsesNoInfrastructure(SERVICE);

    @ArchTest
    static final ArchRule featuresUseEachOtherOnlyThroughTheirApplication =
            TxLabArchitecture.featuresUseEachOtherOnlyThroughTheirApplication(SERVICE);
}
