package io.wssgate.spring.properties;

/** Limits applied to inbound messages. */
public class LimitsProperties {

    /** Larger bodies are refused before parsing: bytes, KB/MB/GB (1000) or KiB/MiB/GiB (1024). Default 10MiB. */
    private String maxMessageSize;

    public String getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(String maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Maximum element nesting. Default 100. */
    private Integer maxDepth;

    public Integer getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(Integer maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Most elements a message may have, counted before any DOM is built. Default 100000. */
    private Integer maxElements;

    public Integer getMaxElements() {
        return maxElements;
    }

    public void setMaxElements(Integer maxElements) {
        this.maxElements = maxElements;
    }
}
