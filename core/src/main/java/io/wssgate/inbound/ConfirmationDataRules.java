package io.wssgate.inbound;

import io.wssgate.soap.Delivery;
import static io.wssgate.inbound.SamlText.invalid;

import io.wssgate.config.SamlPolicy;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.AssertionFacts.Confirmation;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SubjectConfirmationData attributes that tie an assertion to one delivery (SAML 2.0 core
 * 2.4.1.2): {@code Recipient} must be this endpoint - one of {@code saml.recipients}, or,
 * when none are configured, the URL the request arrived at; {@code Address}, when the policy
 * checks it ({@code saml.check-address}), must be the sender's; {@code InResponseTo} names a
 * SAML request WSS Gate never sent, so it cannot be satisfied and is refused.
 */
final class ConfirmationDataRules {
    private final List<String> recipients;
    private final boolean checkAddress;

    ConfirmationDataRules(SamlPolicy policy) {
        this.recipients = policy.recipients().stream().map(ConfirmationDataRules::normalized).toList();
        this.checkAddress = policy.checkAddress();
    }

    void check(Confirmation confirmation, Delivery delivery) throws SecurityFault {
        if (confirmation.recipient().isPresent()) {
            checkRecipient(confirmation.recipient().get(), delivery);
        }
        if (confirmation.inResponseTo().isPresent()) {
            throw invalid("SubjectConfirmationData InResponseTo=" + confirmation.inResponseTo().get()
                    + " answers a SAML request this receiver never sent");
        }
        if (checkAddress && confirmation.address().isPresent()) {
            checkAddress(confirmation.address().get(), delivery);
        }
    }

    private void checkRecipient(String recipient, Delivery delivery) throws SecurityFault {
        String wanted = normalized(recipient);
        if (!recipients.isEmpty()) {
            if (!recipients.contains(wanted)) {
                throw invalid("SubjectConfirmationData Recipient " + recipient + " is none of saml.recipients "
                        + recipients);
            }
            return;
        }
        Optional<String> here = delivery.endpointUrl().map(ConfirmationDataRules::normalized);
        if (here.isEmpty()) {
            throw invalid("SubjectConfirmationData Recipient " + recipient
                    + " cannot be compared: the endpoint URL is unknown here; configure saml.recipients");
        }
        if (!here.get().equals(wanted)) {
            throw invalid("SubjectConfirmationData Recipient " + recipient + " is not this endpoint (" + here.get()
                    + "; configure saml.recipients with the addresses clients use)");
        }
    }

    private static void checkAddress(String address, Delivery delivery) throws SecurityFault {
        Optional<String> sender = delivery.remoteAddress();
        if (sender.isEmpty() || !sameAddress(address, sender.get())) {
            throw invalid("SubjectConfirmationData Address " + address + " is not the sender's address "
                    + sender.orElse("(unknown)"));
        }
    }

    private static boolean sameAddress(String a, String b) {
        if (!isIpLiteral(a) || !isIpLiteral(b)) {
            return false; // never resolve names here: only literal addresses are compared
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    /**
     * Scheme and host in lower case, the scheme's default port dropped, an empty path as "/",
     * no fragment: the same endpoint written two ways compares equal.
     */
    static String normalized(String url) {
        try {
            URI uri = new URI(url.trim()).normalize();
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.trim();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port, null, null, null)
                    + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }
}
