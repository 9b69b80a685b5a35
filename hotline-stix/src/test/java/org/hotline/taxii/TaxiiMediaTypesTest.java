package org.hotline.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxiiMediaTypesTest {

    @Test
    void theConstantsAreTheRegisteredTypesVerbatim() {
        assertThat(TaxiiMediaTypes.TAXII_21).isEqualTo("application/taxii+json;version=2.1");
        assertThat(TaxiiMediaTypes.STIX_21).isEqualTo("application/stix+json;version=2.1");
    }

    @Test
    void receivedValuesMayVaryInCaseSpacesAndExtraParameters() {
        assertThat(TaxiiMediaTypes.isTaxii21("application/taxii+json;version=2.1")).isTrue();
        assertThat(TaxiiMediaTypes.isTaxii21("Application/TAXII+json; version=2.1; charset=utf-8")).isTrue();
        assertThat(TaxiiMediaTypes.isTaxii21("application/taxii+json; charset=utf-8; version=\"2.1\"")).isTrue();
        assertThat(TaxiiMediaTypes.isStix21("application/stix+json;version=2.1")).isTrue();
    }

    @Test
    void otherTypesAndVersionsAreNotTaxii21() {
        // OpenCTI's ingester sent the first; TAXII 2.0 used the second; medallion answers both with 406.
        assertThat(TaxiiMediaTypes.isTaxii21("application/json, text/plain, */*")).isFalse();
        assertThat(TaxiiMediaTypes.isTaxii21("application/vnd.oasis.taxii+json; version=2.0")).isFalse();
        assertThat(TaxiiMediaTypes.isTaxii21("application/taxii+json;version=2.0")).isFalse();
        assertThat(TaxiiMediaTypes.isTaxii21("application/taxii+json")).isFalse();
        assertThat(TaxiiMediaTypes.isTaxii21(null)).isFalse();
        assertThat(TaxiiMediaTypes.isTaxii21("taxii")).isFalse();
    }

    @Test
    void anAcceptListIsAcceptableIfAnyOfItsValuesIs() {
        assertThat(TaxiiMediaTypes.acceptsTaxii21("text/html, application/taxii+json;version=2.1")).isTrue();
        assertThat(TaxiiMediaTypes.acceptsTaxii21("application/json, text/plain, */*")).isFalse();
    }
}
