package org.hotline.cli;

import picocli.CommandLine;

/** The version Maven built, for {@code --version} and for every report's provenance. */
final class HotlineVersion implements CommandLine.IVersionProvider {
    static String get() {
        return org.hotline.BuildVersion.of(HotlineVersion.class);
    }

    @Override
    public String[] getVersion() {
        return new String[] {"hotline " + get(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"};
    }
}
