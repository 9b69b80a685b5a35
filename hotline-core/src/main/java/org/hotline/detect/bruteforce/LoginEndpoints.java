package org.hotline.detect.bruteforce;

/**
 * Tells whether an HTTP request target is a login endpoint, where a POST is a password guess and a
 * 403 a refused login. Case-insensitive, on the path only (the query is ignored), without
 * allocating: it runs only for POSTs and 401/403 answers, but those are what a brute force floods.
 *
 * <p>Matches any path containing "login", "logon", "signin", "sign-in" or "sign_in" (WordPress
 * {@code /wp-login.php}, Drupal {@code /user/login}, most frameworks), plus the well-known endpoints
 * without such a word: WordPress {@code /xmlrpc.php} (password guessing through
 * {@code system.multicall}), Joomla {@code /administrator/index.php}, Java EE
 * {@code j_security_check} and Spring {@code j_spring_security_check}. Hazard: legitimate XML-RPC
 * pingbacks are POSTs to {@code /xmlrpc.php} too; the threshold, not this list, keeps them out.
 */
final class LoginEndpoints {
    private static final String[] WORDS = {"login", "logon", "signin", "sign-in", "sign_in"};
    private static final String[] ENDINGS = {
        "/xmlrpc.php", "/administrator/index.php", "/administrator", "/administrator/",
        "j_security_check", "j_spring_security_check"
    };

    private LoginEndpoints() {}

    static boolean matches(String target) {
        if (target == null) {
            return false;
        }
        int end = target.indexOf('?');
        if (end < 0) {
            end = target.length();
        }
        for (String word : WORDS) {
            for (int i = 0; i + word.length() <= end; i++) {
                if (target.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
        }
        for (String ending : ENDINGS) {
            int from = end - ending.length();
            if (from >= 0 && target.regionMatches(true, from, ending, 0, ending.length())) {
                return true;
            }
        }
        return false;
    }
}
