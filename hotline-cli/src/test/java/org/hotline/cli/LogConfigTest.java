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
                    "bad \u001b[2J\u001b]0;owned\u0007\r\n12:00:00.000 INFO  forged line \u202e21");
        } finally {
            context.stop();
            System.setErr(stderr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("refused RU-CERT: bad ?[2J?]0;owned??\n12:00:00.000 INFO  forged line ?21")
                .doesNotContain("\u001b", "\u0007", "\r", "\u202e");
    }
}
