package org.hotline.channel.account;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing a concern's history obliged a party to do, and what became of it: the unit of
 * "every concern was answered, and in time".
 *
 * @param concernId the concern
 * @param kind      what was owed
 * @param party     id of the party that owed it
 * @param since     when the obligation arose (the filing, or the request for materials)
 * @param due       when it was due; null while a response's clock is paused (materials were asked for)
 * @param metAt     when the step that met it was signed, or null
 * @param outcome   what became of it as of the report's time
 */
public record Obligation(String concernId, Kind kind, String party, Instant since, Instant due, Instant metAt,
                         Outcome outcome) {

    /** What a channel's terms oblige: the recipient acknowledges and responds, the filer provides materials asked for. */
    public enum Kind {
        ACKNOWLEDGE("acknowledge"), RESPOND("respond"), PROVIDE_MATERIALS("provide materials");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The label as a heading: "Provide materials". */
        public String title() {
            return Character.toUpperCase(label.charAt(0)) + label.substring(1);
        }
    }

    /** What became of an obligation. */
    public enum Outcome {
        /** Met by its due time. */
        ON_TIME,
        /** Met after its due time. */
        LATE,
        /** Not met, not yet due. */
        OPEN,
        /** Not met, and due already. */
        OVERDUE,
        /** A response owed, its clock stopped while the filer is asked for materials. */
        PAUSED,
        /**
         * No longer owed without being met: the filer withdrew the concern, or the recipient went on
         * without the materials it had asked for (a status update, a response, a rejection), or asked
         * again (the newest request counts).
         */
        LIFTED;

        public boolean met() {
            return this == ON_TIME || this == LATE;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** From the obligation arising to the step that met it; null if not met. */
    public Duration took() {
        return metAt == null ? null : Duration.between(since, metAt);
    }
}
