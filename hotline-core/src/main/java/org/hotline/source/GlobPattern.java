package org.hotline.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.hotline.InputException;

/**
 * A quoted glob argument: the directory it is walked from (its longest leading part without a
 * wildcard) and the pattern the paths below that must match, in java.nio's glob syntax ({@code *}
 * and {@code ?} stay within a name, {@code **} crosses directories, {@code {a,b}}, {@code [ab]}).
 *
 * <p>As a {@link TreeWalk.Scope} it lists only directories a match can lie in: no deeper than the
 * pattern has names (unless it has {@code **}), and only those whose names match the pattern's
 * leading names. Hazard: the walk went through the whole tree below the base, so {@code '/*.nomatch'}
 * listed all of {@code /} and failed, even as root, on {@code /proc/1/task/1/fdinfo}, and
 * {@code logs/*.log} failed on an unreadable {@code logs/private} that it could never match.
 */
final class GlobPattern implements TreeWalk.Scope {
    private final Path base;
    private final boolean bare;
    private final PathMatcher matcher;
    /** Matchers for a directory 1, 2, … names deep, as far as the pattern's names are one name each. */
    private final List<PathMatcher> leading;
    /** Names in the longest path the pattern can match; {@link Integer#MAX_VALUE} with {@code **}. */
    private final int depth;

    private GlobPattern(Path base, boolean bare, PathMatcher matcher, List<PathMatcher> leading, int depth) {
        this.base = base;
        this.bare = bare;
        this.matcher = matcher;
        this.leading = List.copyOf(leading);
        this.depth = depth;
    }

    /** Throws {@link InputException} naming the argument if it is not a valid pattern. */
    static GlobPattern parse(String argument) {
        String pattern = argument.replace('\\', '/');
        int slash = pattern.lastIndexOf('/', firstWildcard(pattern));
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : pattern.substring(0, slash));
        String relative = slash < 0 ? pattern : pattern.substring(slash + 1);
        try {
            PathMatcher matcher = matcher(relative);
            List<String> names = names(relative);
            List<PathMatcher> leading = new ArrayList<>();
            // A name with ** (any depth) or with a / inside braces ({a,b/c}: one or two names) ends
            // the names a directory can be matched against one by one.
            for (int i = 0; i < names.size() && !names.get(i).contains("**") && names.get(i).indexOf('/') < 0; i++) {
                leading.add(matcher(String.join("/", names.subList(0, i + 1))));
            }
            // Only a / of the pattern matches a / of a path (*, ? and [..] never do): a match has at
            // most one name more than the pattern has slashes.
            int depth = relative.contains("**") ? Integer.MAX_VALUE : (int) relative.chars().filter(c -> c == '/').count() + 1;
            return new GlobPattern(base, slash < 0, matcher, leading, depth);
        } catch (PatternSyntaxException e) {
            throw new InputException(argument + ": not a valid pattern (" + e.getDescription() + ")", e);
        }
    }

    /** Where the walk starts. */
    Path base() {
        return base;
    }

    /**
     * What the matches are named relative to: "." for a pattern without a directory ({@code *.log}
     * gives {@code a.log}, not {@code ./a.log}), else null (named as walked).
     */
    Path namedFrom() {
        return bare ? base : null;
    }

    @Override
    public boolean takes(Path relative) {
        return matcher.matches(relative);
    }

    @Override
    public boolean enters(Path relative) {
        int names = relative.getNameCount();
        return names < depth && (names > leading.size() || leading.get(names - 1).matches(relative));
    }

    @Override
    public boolean bounded() {
        return depth != Integer.MAX_VALUE;
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** The pattern cut at each / that is not inside braces or brackets. */
    private static List<String> names(String pattern) {
        List<String> names = new ArrayList<>();
        int start = 0;
        boolean inBraces = false;
        boolean inBrackets = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (inBrackets) {
                inBrackets = c != ']';
            } else if (c == '[') {
                inBrackets = true;
            } else if (c == '{' || c == '}') {
                inBraces = c == '{';
            } else if (c == '/' && !inBraces) {
                names.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        names.add(pattern.substring(start));
        return names;
    }

    static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return s.length();
    }
}
