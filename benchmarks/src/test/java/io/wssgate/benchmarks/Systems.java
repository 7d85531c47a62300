package io.wssgate.benchmarks;

/** The systems under comparison, by the name JMH parameters and RESULTS.md use. */
public final class Systems {
    public static final String OURS = "ours";
    public static final String CXF = "cxf";
    public static final String WSS4J = "wss4j";
    public static final String FLOOR = "floor";

    private Systems() {
    }

    public static InboundSystem inbound(String name, Scenario scenario) {
        return inbound(name, scenario, MessageSize.KB_1);
    }

    /** The system for messages of {@code size} (ours raises its limits only for sizes beyond the defaults). */
    public static InboundSystem inbound(String name, Scenario scenario, MessageSize size) {
        return switch (name) {
            case OURS -> new OursInbound(scenario, size);
            case CXF -> new CxfInbound(scenario);
            case WSS4J -> new Wss4jInbound(scenario);
            case FLOOR -> new FloorInbound(scenario);
            default -> throw new IllegalArgumentException("unknown system " + name);
        };
    }

    public static OutboundSystem outbound(String name, Scenario scenario) throws Exception {
        return switch (name) {
            case OURS -> new OursOutbound(scenario);
            case CXF -> new CxfOutbound(scenario);
            case WSS4J -> new Wss4jOutbound(scenario);
            case FLOOR -> new FloorOutbound(scenario);
            default -> throw new IllegalArgumentException("unknown system " + name);
        };
    }
}
