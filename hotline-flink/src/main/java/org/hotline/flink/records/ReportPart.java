package org.hotline.flink.records;

import org.hotline.aggregate.SourceTotals;

/**
 * One of the parts the report is made of, as they reach the one subtask that makes it: exactly one
 * field is set. One type for all, because the streams that carry them are united into that subtask's
 * input, and a union takes streams of one type.
 */
public record ReportPart(InputReport input, DetectedAttack attack, SourceTotals totals, TallyCounts counts) {

    public static ReportPart of(InputReport input) {
        return new ReportPart(input, null, null, null);
    }

    public static ReportPart of(DetectedAttack attack) {
        return new ReportPart(null, attack, null, null);
    }

    public static ReportPart of(SourceTotals totals) {
        return new ReportPart(null, null, totals, null);
    }

    public static ReportPart of(TallyCounts counts) {
        return new ReportPart(null, null, null, counts);
    }
}
