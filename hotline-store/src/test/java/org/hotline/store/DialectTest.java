package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void knowsItsDatabasesByTheirUrls() {
        assertThat(Dialect.of("jdbc:sqlite:/var/lib/hotline/hotline.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://db.cert.example/hotline?user=hotline")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.POSTGRESQL.forUpdate()).isEqualTo(" FOR UPDATE");
        assertThat(Dialect.SQLITE.forUpdate()).isEmpty();
    }

    @Test
    void refusesOthersWithoutRepeatingTheirCredentials() {
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/hotline?user=root&password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database URL 'jdbc:mysql://db/hotline': use jdbc:sqlite:/path/hotline.db or "
                        + "jdbc:postgresql://host/db");
    }
}
