package org.hotline.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Re-runs the map conversion and checks it reproduces the committed {@code world-map.tsv}. Needs the
 * two npm packages unpacked, so it runs only when asked:
 * <pre>
 * npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0
 * mkdir wa iso; tar xzf world-atlas-2.0.2.tgz -C wa; tar xzf i18n-iso-countries-7.14.0.tgz -C iso
 * ./mvnw -pl hotline-core test -Dtest=WorldMapConversionTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhotline.worldAtlas=$PWD/wa/package -Dhotline.isoCountries=$PWD/iso/package [-Dhotline.worldMap.write=true]
 * </pre>
 * With {@code hotline.worldMap.write=true} it (re)writes the resource instead of comparing.
 */
class WorldMapConversionTest {
    private static final Path RESOURCE = Paths.get("src/main/resources/org/hotline/report/html/world-map.tsv");

    @Test
    void conversionReproducesTheCommittedMap() throws Exception {
        String atlas = System.getProperty("hotline.worldAtlas");
        String iso = System.getProperty("hotline.isoCountries");
        assumeTrue(atlas != null && iso != null, "set hotline.worldAtlas and hotline.isoCountries to run the conversion");
        String converted = WorldMapConversion.convert(Paths.get(atlas), Paths.get(iso));
        if (Boolean.getBoolean("hotline.worldMap.write")) {
            Files.writeString(RESOURCE, converted, StandardCharsets.UTF_8);
        }
        assertThat(converted).isEqualTo(Files.readString(RESOURCE, StandardCharsets.UTF_8));
    }
}
