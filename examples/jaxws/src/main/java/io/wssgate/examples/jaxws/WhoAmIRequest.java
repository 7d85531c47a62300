package io.wssgate.examples.jaxws;

import jakarta.xml.bind.annotation.XmlType;

/** The {@code whoami} request: empty, since the caller is identified by the message's WS-Security header. */
@XmlType(name = "whoamiRequest", namespace = WhoAmI.NS)
public class WhoAmIRequest {
}
