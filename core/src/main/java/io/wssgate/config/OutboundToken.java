package io.wssgate.config;

import io.wssgate.spi.TokenSupplier;
import java.util.Objects;

/** Where the token attached to outbound messages comes from. */
public sealed interface OutboundToken {

    /** An assertion this side issues and signs itself. */
    record SelfIssued(SamlIssuance saml) implements OutboundToken {
        public SelfIssued {
            Objects.requireNonNull(saml, "saml");
        }
    }

    /** The assertion that authenticated the request being served, passed on unchanged. */
    record Propagated() implements OutboundToken {
    }

    /** A token from a WS-Trust Security Token Service, cached until shortly before it expires. */
    record FromSts(StsSettings sts) implements OutboundToken {
        public FromSts {
            Objects.requireNonNull(sts, "sts");
        }
    }

    /** A token from application code through {@link TokenSupplier}. */
    record Supplied(TokenSupplier supplier) implements OutboundToken {
        public Supplied {
            Objects.requireNonNull(supplier, "supplier");
        }
    }
}
