package org.hotline.stix.validate;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.concurrent.ConcurrentHashMap;

/**
 * networknt's JDK regular expressions, each remembering its answers for short strings. The STIX
 * schemas match every property name of every object against {@code properties.json}'s three
 * {@code patternProperties} twice (once for the patterns, once more for {@code additionalProperties}),
 * and the same few dozen names recur in every object; with the JDK matcher that was a third of the
 * validation time on TAXII ingest. A remembered answer is the answer the same regex gave for the same
 * string, so what is accepted or refused does not change.
 *
 * <p>Memory is bounded whatever a partner sends: only strings of at most {@value #MAX_LENGTH}
 * characters are remembered, and a regex forgets everything once it holds {@value #MAX_ENTRIES}
 * answers (a pattern applied to ids or timestamps sees mostly new values; it starts over rather than
 * grow). Thread-safe.
 */
final class MemoizedRegularExpressions implements RegularExpressionFactory {
    static final int MAX_LENGTH = 128;
    static final int MAX_ENTRIES = 2048;

    @Override
    public RegularExpression getRegularExpression(String regex) {
        return new Memoized(JDKRegularExpressionFactory.getInstance().getRegularExpression(regex));
    }

    private static final class Memoized implements RegularExpression {
        private final RegularExpression regex;
        private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

        Memoized(RegularExpression regex) {
            this.regex = regex;
        }

        @Override
        public boolean matches(String value) {
            if (value.length() > MAX_LENGTH) {
                return regex.matches(value);
            }
            Boolean known = answers.get(value);
            if (known != null) {
                return known;
            }
            boolean matches = regex.matches(value);
            if (answers.size() >= MAX_ENTRIES) {
                answers.clear();
            }
            answers.put(value, matches);
            return matches;
        }
    }
}
