package io.wssgate.keys;

import io.wssgate.config.Problems;
import java.security.Provider;
import java.security.Security;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM side of FIPS mode: a FIPS 140 provider must be the JVM's first provider, so every
 * algorithm lookup the XML security stack makes lands on it. With Bouncy Castle FIPS on the class
 * path and no FIPS provider in front, FIPS mode puts BCFIPS first itself; the platform's FIPS
 * provider (NSS in FIPS mode through SunPKCS11, IBM's) is recognised by name.
 */
public final class FipsProviders {
    private static final Logger LOG = LoggerFactory.getLogger(FipsProviders.class);
    /** Names of providers that are FIPS 140 validated modules. */
    static final Set<String> FIPS_PROVIDERS = Set.of("BCFIPS", "SunPKCS11-NSS-FIPS", "IBMJCEPlusFIPS");
    private static final String BC_FIPS_CLASS = "org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider";
    /** Only in the non-FIPS Bouncy Castle jar (bcprov), which must not be beside bc-fips. */
    private static final String BC_CLASS = "org.bouncycastle.jce.provider.BouncyCastleProvider";

    private FipsProviders() {
    }

    /** Whether the JVM's first provider is a FIPS provider (FIPS mode in force, however it was set up). */
    public static boolean active() {
        Provider[] providers = Security.getProviders();
        return providers.length > 0 && FIPS_PROVIDERS.contains(providers[0].getName());
    }

    /** Makes sure a FIPS provider comes first; what cannot be done is a problem at {@code fips}. */
    public static synchronized void require(Problems problems) {
        if (present(BC_CLASS)) {
            problems.add("fips", "the non-FIPS Bouncy Castle (bcprov-jdk18on) is on the class path: FIPS mode needs "
                    + "bc-fips instead (exclude bcprov-jdk18on, bcpkix-jdk18on and bcutil-jdk18on; add bc-fips, "
                    + "bcpkix-fips and bcutil-fips)");
            return;
        }
        if (active()) {
            return;
        }
        if (!present(BC_FIPS_CLASS)) {
            problems.add("fips", "no FIPS provider: put bc-fips on the class path, or make the platform's FIPS "
                    + "provider the first in java.security (first now: " + Security.getProviders()[0].getName() + ")");
            return;
        }
        try {
            Provider provider = Security.getProvider("BCFIPS");
            if (provider != null) {
                Security.removeProvider("BCFIPS");
            } else {
                provider = (Provider) Class.forName(BC_FIPS_CLASS).getConstructor().newInstance();
            }
            Security.insertProviderAt(provider, 1);
            LOG.info("FIPS mode: Bouncy Castle FIPS ({}) is now the first JCA provider", provider.getInfo());
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add("fips", "cannot install the Bouncy Castle FIPS provider: " + e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, FipsProviders.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
