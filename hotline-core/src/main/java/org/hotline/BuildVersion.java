package org.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version Maven built into a module, read from the {@code version.properties} it filters beside
 * a class of that module: every report states it, whichever module made the report.
 */
public final class BuildVersion {
    private BuildVersion() {}

    /** @param anchor a class whose package holds the module's {@code version.properties} */
    public static String of(Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
