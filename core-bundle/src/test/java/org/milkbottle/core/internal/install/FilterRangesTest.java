package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterRangesTest {

    @Test
    void turnsFilterTermsBackIntoRanges() {
        assertThat(FilterRanges.rangeOf("(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))", "version"))
                .isEqualTo("[1.0,2.0)");
        assertThat(FilterRanges.rangeOf("(&(p=x)(version>=1.2))", "version")).isEqualTo("1.2");
        assertThat(FilterRanges.rangeOf("(&(p=x)(!(version<=1.0))(version<=3.0))", "version")).isEqualTo("(1.0,3.0]");
        assertThat(FilterRanges.rangeOf("(&(p=x)(version=2.1))", "version")).isEqualTo("[2.1,2.1]");
        assertThat(FilterRanges.rangeOf("(p=x)", "version")).isEqualTo("any version");
        assertThat(FilterRanges.rangeOf(null, "version")).isEqualTo("any version");
    }

    @Test
    void findsTheNameAFilterAsksFor() {
        assertThat(FilterRanges.valueOf("(&(osgi.wiring.package=com.acme)(version>=1.0))", "osgi.wiring.package"))
                .isEqualTo("com.acme");
        assertThat(FilterRanges.valueOf("(other=1)", "osgi.wiring.package")).isNull();
    }
}
