package io.wssgate;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.StsAuthentication;
import io.wssgate.keys.KeyMaterialLoader;
import io.wssgate.spi.LoadedKey;
import io.wssgate.keys.OutboundKeys;
import io.wssgate.keys.InboundKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every key and certificate one policy uses, loaded from the files its configuration names:
 * immutable, so a request that started with one snapshot finishes with it, whatever a reload
 * installs meanwhile.
 */
record PolicyMaterial(InboundKeys inbound, OutboundKeys outbound, Optional<LoadedKey> stsValidationKey) {

    /** Problems go to the loader's {@code Problems}; the result is only usable when there are none. */
    static PolicyMaterial load(PolicyConfig policy, KeyMaterialLoader loader) {
        Optional<LoadedKey> stsKey = policy.saml().stsValidation()
                .filter(v -> v.authentication() instanceof StsAuthentication.Signature)
                .flatMap(v -> loader.key(((StsAuthentication.Signature) v.authentication()).key(),
                        "policies." + policy.name() + ".saml.sts-validation.authentication.key"));
        return new PolicyMaterial(InboundKeys.load(policy, loader), OutboundKeys.load(policy, loader), stsKey);
    }

    List<CertificateInUse> certificatesInUse(String policy) {
        List<CertificateInUse> out = new ArrayList<>();
        inbound.trustAnchors().forEach(c -> out.add(new CertificateInUse(policy, "trust", c)));
        inbound.samlIssuers().values().forEach(certs -> certs.forEach(c -> out.add(new CertificateInUse(policy, "saml-issuer", c))));
        inbound.decryptionKey().ifPresent(k -> out.add(new CertificateInUse(policy, "decryption", k.certificate())));
        outbound.signingKey().ifPresent(k -> out.add(new CertificateInUse(policy, "outbound-signature", k.certificate())));
        outbound.samlIssuerKey().ifPresent(k -> out.add(new CertificateInUse(policy, "outbound-saml-issuer", k.certificate())));
        outbound.encryptionRecipient().ifPresent(c -> out.add(new CertificateInUse(policy, "outbound-encryption", c)));
        outbound.stsAuthenticationKey().ifPresent(k -> out.add(new CertificateInUse(policy, "sts-authentication", k.certificate())));
        return out;
    }
}
