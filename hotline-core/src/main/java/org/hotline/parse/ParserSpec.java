package org.hotline.parse;

import java.util.function.Function;

/**
 * A registered format: its name, a one-line description for {@code --help} and
 * {@code hotline formats}, whether its timestamps lack a year (syslog: the report then states how
 * the year was decided), and a factory making one parser per worker and input.
 */
public record ParserSpec(String format, String description, boolean yearless, Function<FileContext, Parser> factory) {
    public Parser create(FileContext context) {
        return factory.apply(context);
    }
}
