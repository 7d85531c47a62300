package io.wssgate.spring.properties;

/** Which wsse:Security header of an inbound message is this receiver's, and how its children must be laid out. */
public class SecurityHeaderProperties {

    /**
     * The SOAP 1.1 actor / SOAP 1.2 role (an absolute URI) whose Security header this policy
     * processes. Default: none, i.e. the header without actor/role (or with the SOAP 1.2 role
     * ultimateReceiver); with an actor, the header without one is left alone.
     */
    private String actor;

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    /** Whether a Security header addressed to the role "next" (which includes the ultimate receiver) is ours too. Default true. */
    private Boolean acceptNext;

    public Boolean getAcceptNext() {
        return acceptNext;
    }

    public void setAcceptNext(Boolean acceptNext) {
        this.acceptNext = acceptNext;
    }

    /**
     * The WS-SecurityPolicy layout the header's children must follow: lax (any valid order),
     * strict (declare before use), lax-timestamp-first or lax-timestamp-last. Default lax.
     */
    private String layout;

    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout;
    }
}
