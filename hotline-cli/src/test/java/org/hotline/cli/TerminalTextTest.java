package org.hotline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersAndBidiOverridesBecomeQuestionMarksLineBreaksAndScriptsStay() {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalText.of(new PrintWriter(sink));
        out.println("Probes \u001b[2J from \u202e21 sources");
        out.print("ماهر\u200cایران, Кириллица, 🇺🇸\n");
        out.flush();
        assertThat(sink.toString()).isEqualTo("Probes ?[2J from ?21 sources" + System.lineSeparator()
                + "ماهر\u200cایران, Кириллица, 🇺🇸\n");
    }
}
