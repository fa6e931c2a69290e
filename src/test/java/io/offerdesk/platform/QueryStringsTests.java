package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringsTests {

    @Test
    void percentEncodedUtf8AndPlainQueriesAreWellFormed() {
        for (var query :
                new String[] {null, "", "a=1&b=2", "q=%E2%80%AE%F0%9F%98%80", "flag", "a=&=b", "x=%25zz", "ü=1"}) {
            assertThat(QueryStrings.wellFormed(query)).as(query).isTrue();
        }
    }

    @Test
    void aMalformedEscapeOrBytesThatAreNotUtf8AreNot() {
        // found by the fuzzer: Tomcat threw on each of these and the API answered 500
        for (var query :
                new String[] {"a=%ED%A0%80", "a=%FF%FE", "a=%C0%AF", "%E2%80=1", "a=%zz", "a=%", "a=%e", "a=1&b=%"}) {
            assertThat(QueryStrings.wellFormed(query)).as(query).isFalse();
        }
    }
}
