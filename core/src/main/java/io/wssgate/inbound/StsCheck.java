package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.sts.StsException;
import io.wssgate.sts.StsTokenValidator;
import java.time.Instant;
import java.util.Optional;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;

/**
 * The STS's verdict on an assertion that already passed every local check. An invalid verdict
 * and an STS that cannot answer both refuse the message: validation through the STS was asked
 * for, so it is never skipped.
 */
final class StsCheck {
    private final StsTokenValidator validator;

    StsCheck(StsTokenValidator validator) {
        this.validator = validator;
    }

    void check(SamlAssertionWrapper assertion) throws SecurityFault {
        Instant expires = Optional.ofNullable(assertion.getNotOnOrAfter()).orElse(Instant.now());
        try {
            if (!validator.valid(assertion.getIssuerString() + "\n" + assertion.getId(), assertion.getElement(),
                    expires)) {
                throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "the STS says the assertion is not valid");
            }
        } catch (StsException e) {
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "cannot validate with the STS: " + e.getMessage(), e);
        }
    }
}
