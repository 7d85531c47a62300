package io.wssgate.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the jar, as Maven wrote it into the manifest (or "development" when run from classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = WssGateCli.class.getPackage().getImplementationVersion();
        return new String[] {"wssgate " + (version == null ? "(development build)" : version)
                + ", Java " + System.getProperty("java.version")};
    }
}
