package io.wssgate.keys;

import io.wssgate.config.Problems;
import io.wssgate.config.Secret;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a PEM private key: PKCS#8 ("PRIVATE KEY"), encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY")
 * or traditional OpenSSL ("RSA/EC PRIVATE KEY", optionally with Proc-Type encryption).
 * Bouncy Castle is used as an explicit provider only for decryption (PBES1/PBES2 variants the JDK
 * lacks); it is never registered globally. In FIPS mode that provider is the FIPS one in force. The resulting key comes from the JDK's own providers
 * so the XML security stack treats it like any other key.
 */
final class PemKeyReader {
    private final Problems problems;
    private final JcaPEMKeyConverter converter = new JcaPEMKeyConverter();

    PemKeyReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param fileKeyPath     key path reported for problems with the file
     * @param passwordKeyPath key path reported for a missing or wrong password
     */
    Optional<PrivateKey> read(Path file, Optional<Secret> password, String fileKeyPath, String passwordKeyPath) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PrivateKeyInfo info) {
                    return Optional.of(converter.getPrivateKey(info));
                }
                if (object instanceof PEMKeyPair pair) {
                    return Optional.of(converter.getKeyPair(pair).getPrivate());
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    return decrypt(object, file, password, passwordKeyPath);
                }
            }
            problems.add(fileKeyPath, "no private key in " + file);
        } catch (NoSuchFileException e) {
            problems.add(fileKeyPath, "file not found: " + file);
        } catch (IOException | RuntimeException e) {
            // PEMParser reports malformed content as PEMException or as runtime ASN.1 errors.
            problems.add(fileKeyPath, "cannot read private key from " + file + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<PrivateKey> decrypt(Object encrypted, Path file, Optional<Secret> password,
                                         String passwordKeyPath) {
        if (password.isEmpty()) {
            problems.add(passwordKeyPath, "the private key in " + file + " is encrypted: password (or password-file)"
                    + " required");
            return Optional.empty();
        }
        char[] chars = password.get().chars();
        // Created only here: most deployments never decrypt a PEM key, and the provider is costly to build.
        Provider bouncyCastle = DecryptionProvider.get();
        try {
            if (encrypted instanceof PKCS8EncryptedPrivateKeyInfo info) {
                return Optional.of(converter.getPrivateKey(info.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bouncyCastle).build(chars))));
            }
            PEMEncryptedKeyPair pair = (PEMEncryptedKeyPair) encrypted;
            return Optional.of(converter.getKeyPair(pair.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(bouncyCastle).build(chars))).getPrivate());
        } catch (OperatorCreationException e) {
            problems.add(passwordKeyPath, "cannot decrypt the private key in " + file + ": " + e.getMessage());
        } catch (PKCSException | IOException | RuntimeException e) {
            // A wrong password yields bad padding or, rarely, garbage that fails to parse: same cause.
            problems.add(passwordKeyPath, "wrong password for the encrypted private key in " + file);
        } finally {
            Arrays.fill(chars, '\0');
        }
        return Optional.empty();
    }
}
