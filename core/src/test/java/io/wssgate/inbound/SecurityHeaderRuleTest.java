package io.wssgate.inbound;

import io.wssgate.soap.SoapVersion;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.HeaderLayout;
import io.wssgate.config.SecurityHeaderPolicy;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for "which Security header is ours", every choice in both SOAP versions. */
class SecurityHeaderRuleTest {
    private static final String GATEWAY = "urn:wssgate:gateway";
    private static final String S11_NEXT = SecurityHeaderRule.SOAP11_NEXT;
    private static final String S12_NEXT = SecurityHeaderRule.SOAP12_NEXT;
    private static final String S12_ULTIMATE = SecurityHeaderRule.SOAP12_ULTIMATE_RECEIVER;
    private static final String S12_NONE = "http://www.w3.org/2003/05/soap-envelope/role/none";

    private static SecurityHeaderRule rule(String actor, boolean acceptNext) {
        return new SecurityHeaderRule(new SecurityHeaderPolicy(Optional.ofNullable(actor), acceptNext, HeaderLayout.LAX));
    }

    @ParameterizedTest(name = "actor={0} accept-next={1}: {2} header for ''{3}'' is ours: {4}")
    @CsvSource(nullValues = "-", textBlock = """
            -       | true  | SOAP_11 | -              | true
            -       | true  | SOAP_11 | S11_NEXT       | true
            -       | false | SOAP_11 | S11_NEXT       | false
            -       | true  | SOAP_11 | S12_NEXT       | false
            -       | true  | SOAP_11 | S12_ULTIMATE   | false
            -       | true  | SOAP_11 | urn:other      | false
            -       | true  | SOAP_12 | -              | true
            -       | true  | SOAP_12 | S12_ULTIMATE   | true
            -       | true  | SOAP_12 | S12_NEXT       | true
            -       | false | SOAP_12 | S12_NEXT       | false
            -       | true  | SOAP_12 | S11_NEXT       | false
            -       | true  | SOAP_12 | S12_NONE       | false
            GATEWAY | true  | SOAP_11 | GATEWAY        | true
            GATEWAY | true  | SOAP_11 | -              | false
            GATEWAY | true  | SOAP_11 | S11_NEXT       | true
            GATEWAY | false | SOAP_11 | S11_NEXT       | false
            GATEWAY | true  | SOAP_12 | GATEWAY        | true
            GATEWAY | true  | SOAP_12 | S12_ULTIMATE   | false
            GATEWAY | true  | SOAP_12 | -              | false
            GATEWAY | true  | SOAP_12 | urn:other      | false
            """, delimiter = '|')
    void decidesByActorRoleAndVersion(String actor, boolean acceptNext, SoapVersion version, String target,
                                      boolean ours) {
        assertThat(rule(uri(actor), acceptNext).addressesUs(version, uri(target))).isEqualTo(ours);
    }

    @ParameterizedTest
    @CsvSource({"''", "'  '"})
    void anEmptyAttributeCountsAsNone(String blank) {
        assertThat(rule(null, false).addressesUs(SoapVersion.SOAP_11, blank)).isTrue();
        assertThat(rule(GATEWAY, false).addressesUs(SoapVersion.SOAP_12, blank)).isFalse();
    }

    private static String uri(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "GATEWAY" -> GATEWAY;
            case "S11_NEXT" -> S11_NEXT;
            case "S12_NEXT" -> S12_NEXT;
            case "S12_ULTIMATE" -> S12_ULTIMATE;
            case "S12_NONE" -> S12_NONE;
            default -> name;
        };
    }
}
