package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.aggregate.FixtureReport;
import org.hotline.aggregate.OriginReport;
import org.hotline.aggregate.OriginReportBuilder;
import org.hotline.aggregate.ReportInput;
import org.hotline.aggregate.RunInfo;
import org.hotline.aggregate.SourceTally;
import org.hotline.detect.Attack;
import org.hotline.detect.AttackType;
import org.hotline.enrich.Origin;
import org.hotline.event.InputPosition;
import org.hotline.event.IpAddress;
import org.hotline.event.Verification;
import org.hotline.pipeline.InputSummary;
import org.hotline.pipeline.SkippedLine;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/**
 * The report's JSON is written by {@link RecordJson}, not by Jackson's data binder; the binder
 * stays the reference. Both must give the same text, byte for byte, for a report in which every
 * record type of the report occurs (checked too, so a type added later cannot escape the comparison).
 */
class RecordJsonTest {

    @Test
    void writesWhatTheDataBinderWritesForAReportWithEveryRecordType() {
        OriginReport report = richReport();
        assertThat(recordTypesIn(report)).as("every record type the report can hold occurs in this one")
                .containsAll(recordTypesReachableFrom(OriginReport.class));
        assertThat(JsonReportContractTest.write(report)).isEqualTo(ReportJsonMapper.MAPPER.writeValueAsString(report) + "\n");
    }

    @Test
    void writesWhatTheDataBinderWritesForAnEmptyRun() {
        // Nothing parsed: the nulls (no first or last time, no bytes, no percentages) and empty lists.
        ReportInput nothing = new ReportInput(List.of(new InputSummary("empty.log", null, false, 0, false, 0, 0, 0, 0,
                List.of(), null, "empty.log: no lines to detect a format from")), List.of(), new SourceTally(),
                ip -> Origin.UNKNOWN, List.of(), new RunInfo("0.1.0-test", FixtureReport.GENERATED, ZoneId.of("UTC"), Map.of()),
                List.of());
        OriginReport report = OriginReportBuilder.build(nothing);
        assertThat(JsonReportContractTest.write(report)).isEqualTo(ReportJsonMapper.MAPPER.writeValueAsString(report) + "\n");
    }

    @Test
    void aTypeWithNoJsonFormIsAnErrorNotAGuess() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = ReportJsonMapper.MAPPER.createGenerator(out)) {
            assertThatThrownBy(() -> RecordJson.write(g, List.of(Duration.ofMinutes(1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.time.Duration");
        }
    }

    /** The fixture report, plus what it lacks: skipped lines, a year rule, a warning, a non-routable attacker. */
    static OriginReport richReport() {
        Attack lanLogin = new Attack(AttackType.BRUTE_FORCE, "ssh password guessing", IpAddress.parse("192.168.1.31"), "ssh",
                1431857103000L, 1431857163000L, 6, -1, -1, Verification.HANDSHAKE, List.of(new InputPosition("auth.log", 12)));
        ReportInput fixture = FixtureReport.input(List.of(lanLogin));
        List<InputSummary> inputs = new ArrayList<>(fixture.inputs());
        inputs.add(new InputSummary("auth.log", "sshd-syslog", true, 1_204, true, 12, 9, 1, 2,
                List.of(new SkippedLine(3, "no timestamp"), new SkippedLine(8, "truncated line \"\\u0000\"")),
                "year 2015 from the file's modification time", "auth.log: truncated gzip after line 12"));
        return OriginReportBuilder.build(new ReportInput(inputs, fixture.attacks(), fixture.tally(), fixture.origins(),
                fixture.databases(), fixture.run(), List.of("a warning with \"quotes\" and ü")));
    }

    private static Set<Class<?>> recordTypesIn(Object value) {
        Set<Class<?>> seen = new HashSet<>();
        collect(value, seen);
        return seen;
    }

    private static void collect(Object value, Set<Class<?>> seen) {
        if (value instanceof Record r) {
            seen.add(r.getClass());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    collect(c.getAccessor().invoke(r), seen);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, seen));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, seen));
        }
    }

    /** Record types named by the components' declared types, element types of lists and maps included. */
    private static Set<Class<?>> recordTypesReachableFrom(Class<?> root) {
        Set<Class<?>> found = new HashSet<>();
        List<Type> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Type t = todo.remove(todo.size() - 1);
            if (t instanceof ParameterizedType p) {
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (t instanceof Class<?> c && c.isRecord() && found.add(c)) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    todo.add(rc.getGenericType());
                }
            }
        }
        return found;
    }
}
