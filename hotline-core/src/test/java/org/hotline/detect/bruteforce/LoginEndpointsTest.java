package org.hotline.detect.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginEndpointsTest {

    @Test
    void knownLoginPages() {
        // Targets of real login posts in the suricata-sample-data wrccdc-2017 capture, and the
        // usual CMS endpoints.
        assertThat(LoginEndpoints.matches("/wp-login.php")).isTrue();
        assertThat(LoginEndpoints.matches("/administrator/index.php")).isTrue();
        assertThat(LoginEndpoints.matches("/LogRover/login.asp")).isTrue();
        assertThat(LoginEndpoints.matches("/user/login?destination=node")).isTrue();
        assertThat(LoginEndpoints.matches("/xmlrpc.php")).isTrue();
        assertThat(LoginEndpoints.matches("/j_spring_security_check")).isTrue();
        assertThat(LoginEndpoints.matches("/Account/SignIn")).isTrue();
    }

    @Test
    void otherPagesAndLoginWordsInTheQuery() {
        assertThat(LoginEndpoints.matches("/blog/geekery/pyblosxom-mdate-vim-hack.html/trackback/")).isFalse();
        assertThat(LoginEndpoints.matches("/search?q=login")).isFalse();
        assertThat(LoginEndpoints.matches("/administrators-guide.html")).isFalse();
        assertThat(LoginEndpoints.matches(null)).isFalse();
    }
}
