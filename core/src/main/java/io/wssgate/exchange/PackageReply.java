package io.wssgate.exchange;

import io.wssgate.mime.SecuredPackage;

/**
 * What goes back for an accepted request whose response the application wrote as a MIME
 * package (SwA or MTOM): the package secured (the transport writes it with its Content-Type,
 * then closes it), or a complete generic server fault when it could not be secured.
 */
public sealed interface PackageReply {
    /** The secured package, to write and then close. */
    record Secured(SecuredPackage pkg) implements PackageReply {
    }

    /** The server fault to send in its place (HTTP 500, with the correlation header). */
    record Fault(Reply fault) implements PackageReply {
    }
}
