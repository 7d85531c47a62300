package io.wssgate.keys;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.util.DigestFactory;

/**
 * RSA-OAEP decryption with a private key that stays on a PKCS#11 token. The JDK's SunPKCS11
 * offers raw RSA and PKCS#1 v1.5 but not OAEP, so the token computes the raw RSA operation and
 * the OAEP decoding (Bouncy Castle's constant-time {@link OAEPEncoding}) runs here; the private
 * key never leaves the token, only the unwrapped session key does, as it would with any provider.
 *
 * <p>Registered (last) as a JCA provider so WSS4J's and Santuario's {@code
 * Cipher.getInstance("RSA/ECB/OAEPPadding")} find it for a token key: the JDK's own OAEP cipher
 * refuses such a key, and this one accepts nothing else (decrypt and unwrap only). The JDK builds
 * of OpenJDK accept an unsigned provider; Oracle's JDK requires JCE providers to be signed.
 */
final class TokenRsaOaep extends Provider {
    private static final long serialVersionUID = 1L;
    static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    TokenRsaOaep(Provider token) {
        super("WssGate-OAEP-" + token.getName(), "1.0", "RSA-OAEP decryption for keys of " + token.getName());
        putService(new OaepService(this, token));
    }

    /** One service whose cipher is bound to the token provider, and which only takes keys that hide their exponent. */
    private static final class OaepService extends Service {
        private final Provider token;

        OaepService(Provider provider, Provider token) {
            super(provider, "Cipher", TRANSFORMATION, Spi.class.getName(), List.of(), Map.of());
            this.token = token;
        }

        @Override
        public boolean supportsParameter(Object parameter) {
            // a software key exposes its exponent (RSAPrivateKey) and is the JDK's business
            return parameter instanceof PrivateKey key && "RSA".equals(key.getAlgorithm())
                    && !(key instanceof RSAPrivateKey);
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new Spi(token);
        }
    }

    /** Decrypts or unwraps one OAEP-encrypted block: raw RSA on the token, OAEP decoding here. */
    static final class Spi extends CipherSpi {
        private final Provider token;
        private Cipher raw;
        private OAEPParameterSpec parameters;
        private byte[] buffered = new byte[0];

        Spi(Provider token) {
            this.token = token;
        }

        @Override
        protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
            if (!"ECB".equalsIgnoreCase(mode)) {
                throw new NoSuchAlgorithmException("only ECB");
            }
        }

        @Override
        protected void engineSetPadding(String padding) throws NoSuchPaddingException {
            if (!"OAEPPadding".equalsIgnoreCase(padding)) {
                throw new NoSuchPaddingException("only OAEPPadding");
            }
        }

        @Override
        protected int engineGetBlockSize() {
            return 0;
        }

        @Override
        protected int engineGetOutputSize(int inputLen) {
            return inputLen;
        }

        @Override
        protected byte[] engineGetIV() {
            return null;
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            return null;
        }

        @Override
        protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
            try {
                engineInit(opmode, key, (AlgorithmParameterSpec) null, random);
            } catch (InvalidAlgorithmParameterException e) {
                throw new InvalidKeyException(e);
            }
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            try {
                engineInit(opmode, key, params == null ? null : params.getParameterSpec(OAEPParameterSpec.class), random);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(e);
            }
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            if (opmode != Cipher.DECRYPT_MODE && opmode != Cipher.UNWRAP_MODE) {
                throw new InvalidKeyException("only decryption with a token key");
            }
            if (params != null && !(params instanceof OAEPParameterSpec)) {
                throw new InvalidAlgorithmParameterException("OAEPParameterSpec expected");
            }
            // without parameters OAEPPadding means SHA-1 and MGF1-SHA-1, as with the JDK's own cipher
            OAEPParameterSpec spec = params == null ? OAEPParameterSpec.DEFAULT : (OAEPParameterSpec) params;
            if (!"MGF1".equalsIgnoreCase(spec.getMGFAlgorithm())
                    || !(spec.getMGFParameters() instanceof MGF1ParameterSpec mgf)
                    || !(spec.getPSource() instanceof PSource.PSpecified)) {
                throw new InvalidAlgorithmParameterException("only MGF1 with a specified label");
            }
            try {
                digest(spec.getDigestAlgorithm());
                digest(mgf.getDigestAlgorithm());
            } catch (IllegalArgumentException e) {
                throw new InvalidAlgorithmParameterException(e.getMessage());
            }
            this.parameters = spec;
            try {
                Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding", token);
                cipher.init(Cipher.DECRYPT_MODE, key);
                this.raw = cipher;
            } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
                throw new InvalidKeyException("the token offers no raw RSA", e);
            }
            this.buffered = new byte[0];
        }

        @Override
        protected byte[] engineUpdate(byte[] input, int offset, int length) {
            buffered = concat(buffered, input, offset, length);
            return new byte[0];
        }

        @Override
        protected int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset) {
            buffered = concat(buffered, input, offset, length);
            return 0;
        }

        @Override
        protected byte[] engineDoFinal(byte[] input, int offset, int length) throws BadPaddingException {
            byte[] block = concat(buffered, input, offset, length);
            buffered = new byte[0];
            return decrypt(block);
        }

        @Override
        protected int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset)
                throws BadPaddingException {
            byte[] plain = engineDoFinal(input, offset, length);
            System.arraycopy(plain, 0, output, outputOffset, plain.length);
            return plain.length;
        }

        @Override
        protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type) throws InvalidKeyException {
            if (type != Cipher.SECRET_KEY) {
                throw new InvalidKeyException("only secret keys are unwrapped");
            }
            try {
                return new SecretKeySpec(decrypt(wrappedKey), algorithm);
            } catch (BadPaddingException e) {
                throw new InvalidKeyException("the key cannot be unwrapped", e);
            }
        }

        /**
         * The message of one OAEP block. EM = raw RSA result (k octets) must start with a zero
         * octet; OAEPEncoding decodes the k-1 octets after it. The zero check is folded into the one
         * failure at the end, so a bad first octet fails the same way as a bad padding.
         */
        private byte[] decrypt(byte[] block) throws BadPaddingException {
            byte[] em;
            try {
                em = raw.doFinal(block);
            } catch (GeneralSecurityException e) {
                throw (BadPaddingException) new BadPaddingException("decryption error").initCause(e);
            }
            int leading = em[0];
            byte[] tail = Arrays.copyOfRange(em, 1, em.length);
            Arrays.fill(em, (byte) 0);
            OAEPEncoding oaep = new OAEPEncoding(new Fixed(tail), digest(parameters.getDigestAlgorithm()),
                    digest(((MGF1ParameterSpec) parameters.getMGFParameters()).getDigestAlgorithm()),
                    ((PSource.PSpecified) parameters.getPSource()).getValue());
            oaep.init(false, null);
            byte[] message = null;
            boolean failed = false;
            try {
                message = oaep.processBlock(tail, 0, tail.length);
            } catch (InvalidCipherTextException e) {
                failed = true;
            } finally {
                Arrays.fill(tail, (byte) 0);
            }
            if (failed | leading != 0) {
                throw new BadPaddingException("decryption error");
            }
            return message;
        }

        private static Digest digest(String name) {
            return switch (name.toUpperCase(java.util.Locale.ROOT).replace("-", "")) {
                case "SHA1" -> DigestFactory.createSHA1();
                case "SHA224" -> DigestFactory.createSHA224();
                case "SHA256" -> DigestFactory.createSHA256();
                case "SHA384" -> DigestFactory.createSHA384();
                case "SHA512" -> DigestFactory.createSHA512();
                default -> throw new IllegalArgumentException("unsupported OAEP digest " + name);
            };
        }

        private static byte[] concat(byte[] head, byte[] input, int offset, int length) {
            if (input == null || length == 0) {
                return head;
            }
            byte[] out = Arrays.copyOf(head, head.length + length);
            System.arraycopy(input, offset, out, head.length, length);
            return out;
        }
    }

    /**
     * The "RSA engine" OAEPEncoding decodes from: the block the token already computed, k-1
     * octets, handed back whatever input it is given (the input is that same block).
     */
    private static final class Fixed implements AsymmetricBlockCipher {
        private final byte[] block;

        Fixed(byte[] block) {
            this.block = block;
        }

        @Override
        public void init(boolean forEncryption, CipherParameters parameters) {
        }

        @Override
        public int getInputBlockSize() {
            return block.length;
        }

        @Override
        public int getOutputBlockSize() {
            return block.length;
        }

        @Override
        public byte[] processBlock(byte[] in, int inOff, int len) {
            return block.clone();
        }
    }
}
