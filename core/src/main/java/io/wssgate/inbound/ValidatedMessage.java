package io.wssgate.inbound;

import io.wssgate.identity.WssPrincipal;

/** A message that passed every check of its policy, and who sent it. */
public record ValidatedMessage(SoapEnvelope envelope, WssPrincipal principal) {
}
