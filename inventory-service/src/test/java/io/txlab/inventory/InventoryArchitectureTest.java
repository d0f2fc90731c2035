package io.txlab.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.txlab.support.architecture.TxLabArchitecture;

/** TxLabArchitecture's rules, applied to this service's classes. */
@AnalyzeClasses(packages = InventoryArchitectureTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class InventoryArchitectureTest {

    static final String SERVICE = "io.txlab.inventory";

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
