package org.hotline.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.hotline.InputException;
import org.hotline.aggregate.AttacksSection;
import org.hotline.aggregate.CountryRow;
import org.hotline.aggregate.OriginReport;
import org.hotline.channel.CanonicalForm;
import org.hotline.channel.Materials;
import org.hotline.channel.Seal;
import org.hotline.channel.materials.EvidenceLines;
import org.hotline.channel.materials.MaterialsCut;
import org.hotline.report.ReportWriters;
import org.hotline.source.Following;

/**
 * {@code analyze --materials-for CC}: writes the materials for the partner whose jurisdiction is CC,
 * in the form {@code hotline concern file --materials} and {@code provide-materials} read.
 */
final class MaterialsOutput {
    private MaterialsOutput() {}

    /** Refuses anything but a two-letter code, before the analysis. */
    static void checkCountry(String country) {
        if (!country.matches("[A-Za-z]{2}")) {
            throw new InputException("--materials-for " + country + ": give a two-letter ISO 3166 country code, e.g. US");
        }
    }

    /**
     * Writes the materials and returns a one-line account of them, or says there are none.
     *
     * @param following the run's follower, or null: a file it followed through a rotation or a
     *                  truncation gives no evidence lines, since its line numbers no longer name lines
     *                  of the file under its name
     */
    static String write(String country, Path file, PipelineAssembly.Analysis analysis, Following following) throws IOException {
        checkCountry(country);
        String cc = country.toUpperCase(Locale.ROOT);
        OriginReport report = analysis.report();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ReportWriters.byName("json").write(report, json);
        Materials.ReportReference reference = new Materials.ReportReference(
                "hotline analyze, " + report.input().size() + " input(s), generated " + report.run().generatedAt(),
                Seal.sha256(json.toByteArray()), report.run().generatedAt(), summary(report.attacks(), cc));
        Set<String> notReread = following == null || !following.restarted() ? Set.of() : Set.of(following.name());
        Materials materials = MaterialsCut.cut(cc, analysis.result().attacks(), analysis.attackers(), new EvidenceLines(notReread),
                reference);
        if (materials == null) {
            return "no attacking source is located in " + cc + ": no materials written";
        }
        byte[] text = (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(CanonicalForm.materials(materials)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        OutputFile.write(file, "materials", out -> out.write(text));
        return "materials for " + cc + " (" + materials.sightings().size() + " sources, " + materials.excerpts().size()
                + " evidence lines) written to " + file.toAbsolutePath()
                + (notReread.isEmpty() ? "" : "; none of the evidence lines of " + following.name() + ": it was rotated or"
                        + " truncated while followed, so its line numbers no longer name lines of the file under its name");
    }

    private static String summary(AttacksSection attacks, String cc) {
        long sources = attacks.byCountry().stream().filter(r -> cc.equals(r.country())).mapToLong(CountryRow::sources).sum();
        long total = attacks.origin().sources();
        return String.format(Locale.ROOT, "%d of %d handshake-verified, routable, non-Tor attacking addresses (%.1f %%) are located in %s",
                sources, total, total == 0 ? 0.0 : 100.0 * sources / total, cc);
    }
}
