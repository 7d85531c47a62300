package io.wssgate.testing.parity;

import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackCatalogues;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.Canary;
import io.wssgate.testing.attacks.EncryptedAssertionAttacks;
import io.wssgate.testing.attacks.EncryptionAttacks;
import io.wssgate.testing.attacks.ValidVariant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The attack catalogue as a {@link Scenario}: the {@link AttackFixture}'s YAML and paths; every
 * path's valid baseline accepted with its principal, a valid message carrying an encrypted header
 * accepted, the catalogues' valid variants accepted, and every attack of {@link AttackCatalogues}
 * refused; the decryption failures of each encrypting path (Body and assertion) indistinguishable.
 */
public final class AttackScenario implements Scenario {
    private final AttackFixture fixture;

    private AttackScenario(AttackFixture fixture) {
        this.fixture = fixture;
    }

    public static AttackScenario create(Path dir) throws IOException {
        return new AttackScenario(AttackFixture.create(dir));
    }

    public AttackFixture fixture() {
        return fixture;
    }

    @Override
    public Path config() {
        return fixture.config;
    }

    @Override
    public Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        AttackFixture.POLICY_OF_PATH.forEach((path, policy) -> endpoints.put(path,
                new Endpoint(policy, AttackFixture.isSoap12(path) ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11)));
        return endpoints;
    }

    @Override
    public Stream<ParityCase> cases() {
        return Stream.of(baselines(), encryptedHeaders(), soapVersions(),
                AttackCatalogues.validVariants(fixture).map(ValidVariant::toCase),
                AttackCatalogues.acceptedCases(fixture),
                AttackCatalogues.all(fixture).map(Attack::toCase)).flatMap(s -> s);
    }

    private Stream<ParityCase> baselines() {
        return AttackFixture.POLICY_OF_PATH.keySet().stream().map(path -> ParityCase.post("Baseline / valid " + path,
                path, AttackFixture.contentTypeFor(path), fixture.baseline(path),
                new Expectation.Accepted(AttackFixture.baselinePrincipal(path))));
    }

    /**
     * A signed header encrypted into a wsse11:EncryptedHeader (mustUnderstand, as WSS4J marks it)
     * reaches the application decrypted. Once decrypted, a header the sender itself marked
     * mustUnderstand is an ordinary mandatory header: a SOAP runtime that does not understand it
     * answers its own MustUnderstand fault (HTTP 500) before the application, exactly as if the
     * header had come in clear; the filter's plain servlet does no SOAP processing and runs.
     */
    private Stream<ParityCase> encryptedHeaders() {
        return Stream.of(AttackFixture.ENC, AttackFixture.ENC_12).flatMap(path -> {
            String v = AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
            Expectation accepted = new Expectation.Accepted(AttackFixture.CLIENT_DN);
            Expectation mustUnderstandFault = new Expectation.Refused(Attack.Outcome.runtimeAnswer(500));
            return Stream.of(
                    ParityCase.post("Encrypted header / EncryptedHeader decrypted and passed on" + v, path,
                            AttackFixture.contentTypeFor(path),
                            () -> fixture.encryptedWithHeader(path, true, false).build(), accepted),
                    ParityCase.post("Encrypted header / decrypted header marked mustUnderstand, unknown to the"
                                    + " application" + v, path, AttackFixture.contentTypeFor(path),
                                    () -> fixture.encryptedWithHeader(path, true, true).build(), accepted)
                            .except(Integration.JAXWS_METRO, mustUnderstandFault)
                            .except(Integration.SPRING_WS, mustUnderstandFault));
        });
    }

    /**
     * Valid messages in a SOAP version, or with a Content-Type, the endpoint does not speak. WSS
     * Gate accepts them (the policy is version-neutral), and a plain servlet behind the filter runs;
     * a SOAP runtime must answer with its own fault before the application, never fail inside it:
     * Metro refuses a Content-Type that is not its binding's (HTTP 415); the Spring Boot starter
     * answers for Spring-WS from its message factory's version (VersionMismatch, HTTP 500, or 415
     * for a Content-Type that does not match the envelope).
     */
    private Stream<ParityCase> soapVersions() {
        Expectation accepted = new Expectation.Accepted(AttackFixture.CLIENT_DN);
        Expectation unsupportedMediaType = new Expectation.Refused(Attack.Outcome.runtimeAnswer(415));
        Expectation versionMismatch = new Expectation.Refused(Attack.Outcome.runtimeAnswer(500));
        return Stream.of(
                ParityCase.post("SOAP version / valid SOAP 1.2 message to a SOAP 1.1 endpoint", AttackFixture.X509,
                                AttackFixture.SOAP12_CONTENT_TYPE, () -> fixture.x509(AttackFixture.X509_12).build(), accepted)
                        .except(Integration.JAXWS_METRO, unsupportedMediaType)
                        .except(Integration.SPRING_WS, versionMismatch),
                ParityCase.post("SOAP version / valid SOAP 1.1 message to a SOAP 1.2 endpoint", AttackFixture.X509_12,
                                AttackFixture.SOAP11_CONTENT_TYPE, () -> fixture.x509(AttackFixture.X509).build(), accepted)
                        .except(Integration.JAXWS_METRO, unsupportedMediaType)
                        .except(Integration.SPRING_WS, versionMismatch),
                ParityCase.post("SOAP version / valid SOAP 1.1 message sent as application/soap+xml", AttackFixture.X509,
                                AttackFixture.SOAP12_CONTENT_TYPE, () -> fixture.x509(AttackFixture.X509).build(), accepted)
                        .except(Integration.JAXWS_METRO, unsupportedMediaType)
                        .except(Integration.SPRING_WS, unsupportedMediaType));
    }

    @Override
    public Stream<List<ParityCase>> indistinguishable() {
        // a failed assertion decryption answers exactly as a failed Body decryption (same SOAP version)
        return Stream.of(List.of(AttackFixture.ENC, AttackFixture.ENCSAML),
                        List.of(AttackFixture.ENC_12, AttackFixture.ENCSAML_12))
                .map(paths -> Stream.concat(EncryptionAttacks.decryptionFailures(fixture, paths.get(0)).stream(),
                                EncryptedAssertionAttacks.decryptionFailures(fixture, paths.get(1)).stream())
                        .map(Attack::toCase).toList());
    }

    @Override
    public Canary canary() {
        return fixture.canary;
    }

    @Override
    public void close() throws IOException {
        fixture.close();
    }
}
