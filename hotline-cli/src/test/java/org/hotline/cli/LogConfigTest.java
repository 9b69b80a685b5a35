package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The CLI's own logback.xml (the tests run under logback-test.xml): a message quoting what a partner
 * or client sent cannot carry terminal control sequences or a forged line into the node's log.
 */
class LogConfigTest {

    @Test
    void controlCharactersInMessagesAreWrittenAsQuestionMarks() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogConfigTest.class.getResource("/logback.xml"));
            context.getLogger("org.hotline.test").warn("refused {}: {}", "RU-CERT",
                    "bad \u001b[2J\u001b]0;owned\u0007\r\n12:00:00.000 INFO  forged line \u202e21 \u009b31m \u200e");
            context.getLogger("org.hotline.test").error("failed", new IllegalStateException("partner said \u001b]0;x\u0007 \u202e"));
        } finally {
            context.stop();
            System.setErr(stderr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("refused RU-CERT: bad ?[2J?]0;owned???12:00:00.000 INFO  forged line ?21 ?31m ?")
                .doesNotContain("\u001b", "\u0007", "\r", "\u202e", "\u009b", "\u200e");
        // A stack trace keeps its lines, and loses the rest.
        assertThat(log).contains("java.lang.IllegalStateException: partner said ?]0;x? ?\n\tat ");
        assertThat(log.lines().filter(l -> l.contains("forged line"))).allMatch(l -> l.contains("refused RU-CERT"));
    }
}
