package io.txlab.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.txlab.support.architecture.TxLabArchitecture;

@AnalyzeClasses(packages = "io.txlab.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = TxLabArchitecture.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoPersistence = TxLabArchitecture.ADAPTERS_DO_NOT_REACH_INTO_PERSISTENCE;
}
