package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.spi.PasswordSource;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handler answers what it owns and leaves everything else unanswered instead of failing the message. */
class PasswordCallbacksTest {
    private final PasswordSource users = user -> user.equals("bob") ? Optional.of("secret".toCharArray()) : Optional.empty();
    private final PasswordCallbacks callbacks = new PasswordCallbacks(Optional.of(users), "key-pw".toCharArray());

    @Test
    void usernameTokenPasswordsComeFromThePasswordSource() throws Exception {
        WSPasswordCallback known = new WSPasswordCallback("bob", WSPasswordCallback.USERNAME_TOKEN);
        WSPasswordCallback unknown = new WSPasswordCallback("mallory", WSPasswordCallback.USERNAME_TOKEN);

        callbacks.handle(new Callback[] {known, unknown});

        assertThat(known.getPassword()).isEqualTo("secret");
        assertThat(unknown.getPassword()).isNull();
    }

    @Test
    void theDecryptionKeyPasswordIsTheInMemoryStoresOwn() throws Exception {
        WSPasswordCallback decrypt = new WSPasswordCallback("wssgate", WSPasswordCallback.DECRYPT);

        callbacks.handle(new Callback[] {decrypt});

        assertThat(decrypt.getPassword()).isEqualTo("key-pw");
    }

    /**
     * WSS4J asks for a secret key (or a custom token) before it resolves a reference to a token
     * it has not processed yet; an exception there would end a valid message.
     */
    @ParameterizedTest
    @ValueSource(ints = {WSPasswordCallback.SECRET_KEY, WSPasswordCallback.CUSTOM_TOKEN, WSPasswordCallback.SIGNATURE,
            WSPasswordCallback.SECURITY_CONTEXT_TOKEN, WSPasswordCallback.PASSWORD_ENCRYPTOR_PASSWORD})
    void whatItDoesNotOwnIsLeftUnansweredNotRefused(int usage) throws Exception {
        WSPasswordCallback callback = new WSPasswordCallback("X509-1234", usage);

        callbacks.handle(new Callback[] {callback});

        assertThat(callback.getKey()).isNull();
        assertThat(callback.getCustomToken()).isNull();
        assertThat(callback.getPassword()).isNull();
    }

    @Test
    void aCallbackTypeItDoesNotKnowIsUnsupportedAsJaasWants() {
        assertThatThrownBy(() -> callbacks.handle(new Callback[] {new NameCallback("name")}))
                .isInstanceOf(UnsupportedCallbackException.class);
    }
}
