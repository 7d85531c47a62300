package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an undeployed application may not leave behind, container-neutral: WSS Gate threads, JCE
 * providers loaded by an application class loader (the container says which loaders are
 * application loaders), application class loaders still reachable.
 */
final class LeakChecks {
    private LeakChecks() {
    }

    static List<String> wssGateThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("wssgate")).toList();
    }

    static void awaitNoWssGateThread() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!wssGateThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(wssGateThreads()).as("WSS Gate threads after undeploy").isEmpty();
    }

    static List<String> providerNames() {
        return Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
    }

    static List<String> providersFrom(Predicate<ClassLoader> applicationLoader) {
        return Arrays.stream(Security.getProviders())
                .filter(p -> applicationLoader.test(p.getClass().getClassLoader()))
                .map(Provider::getName).toList();
    }

    static void awaitCollected(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int i = 0; i < 40 && loaders.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[1 << 20];
            }
            Thread.sleep(100);
        }
        assertThat(loaders.stream().filter(r -> r.get() != null).count())
                .as("application class loaders still reachable after undeploy").isZero();
    }
}
