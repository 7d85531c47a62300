package io.wssgate.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as rules each module checks on its own main classes: only core touches
 * WSS4J, OpenSAML and Santuario; core's packages form no cycle; an integration (the filter, the
 * JAX-WS handler, Spring Boot) is a transport over core's exchange and configuration API and
 * never reaches into the pipeline behind it.
 */
public final class ArchitectureRules {
    /** The security libraries only core may use. */
    public static final String[] SECURITY_LIBRARIES = {"org.apache.wss4j..", "org.opensaml..", "org.apache.xml.security.."};
    /** Core's internals behind the exchange API: an integration must not depend on them. */
    public static final String[] PIPELINE = {"io.wssgate.inbound..", "io.wssgate.outbound..", "io.wssgate.keys..",
        "io.wssgate.sts..", "io.wssgate.revocation.."};

    private ArchitectureRules() {
    }

    /** The main (not test) classes of {@code packages} as compiled in this module. */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(packages);
    }

    /** An integration's classes use neither the security libraries nor core's pipeline. */
    public static ArchRule integrationUsesOnlyTheExchangeApi(String integrationPackage) {
        return noClasses().that().resideInAPackage(integrationPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SECURITY_LIBRARIES)
                .orShould().dependOnClassesThat().resideInAnyPackage(PIPELINE)
                .because("integrations are transports over io.wssgate.exchange; security decisions live in core");
    }

    /** Core's packages (io.wssgate and each package below it) depend on each other without cycles. */
    public static ArchRule corePackagesAreFreeOfCycles() {
        return slices().matching("io.wssgate.(**)").should().beFreeOfCycles();
    }
}
