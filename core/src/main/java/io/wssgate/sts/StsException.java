package io.wssgate.sts;

import java.net.URI;

/** The Security Token Service could not provide what was asked; the message names the STS and why. */
public final class StsException extends Exception {
    private static final long serialVersionUID = 1L;

    public StsException(URI sts, String reason) {
        super("STS " + sts + ": " + reason);
    }

    public StsException(URI sts, String reason, Throwable cause) {
        super("STS " + sts + ": " + reason, cause);
    }
}
