package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.wssgate.fault.FaultCode;
import io.wssgate.log.GateMdc;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.LocalWebApp;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MDC on the JAX-WS side, with Logback (this test has its own surefire run without
 * slf4j-simple: jaxws-handler/pom.xml): a Metro web application on Jetty, its endpoint secured by
 * {@code @WssGateEndpoint}, gets an accepted, a refused and another accepted request over HTTP.
 * WSS4J's lines and the endpoint's own line carry the correlation id of their message (for the
 * refusal, the id its fault and rejection line carry), and the container's request thread, before
 * and after Metro handles a request, has none of WSS Gate's MDC keys: nothing leaks from one
 * request to the next on a pooled thread.
 */
class EndpointMdcTest {
    private static final TestKeys KEYS = TestKeys.create();
    private static final String CONTEXT = "/app";

    /** One line as Logback saw it, with the MDC of the thread that wrote it at that moment. */
    record Line(String logger, String message, String thread, Map<String, String> mdc) {
        boolean from(String prefix) {
            return logger.startsWith(prefix);
        }

        Map<String, String> gateKeys() {
            Map<String, String> keys = new HashMap<>(mdc);
            keys.keySet().retainAll(List.of(GateMdc.CORRELATION_ID, GateMdc.POLICY, GateMdc.OUTCOME, GateMdc.FAULT));
            return keys;
        }
    }

    /** Keeps every line with its MDC, read when the line is written (Logback reads it lazily otherwise). */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new Line(event.getLoggerName(), event.getFormattedMessage(), event.getThreadName(),
                    new HashMap<>(event.getMDCPropertyMap())));
        }
    }

    @Test
    void eachLineCarriesItsMessagesIdAndTheRequestThreadKeepsNone(@TempDir Path dir) throws Exception {
        assertThat(LoggerFactory.getILoggerFactory()).as("this test's run has Logback").isInstanceOf(LoggerContext.class);
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        System.setProperty(MdcEndpoint.CONFIG_PROPERTY, Files.writeString(dir.resolve("mdc.yaml"), """
                policies:
                  mdc:
                    trust:
                      certificates: [%s]
                """.formatted(ca)).toString());
        Path webapp = webApp(dir.resolve("webapp"));
        TestKeys.Identity client = KEYS.issue("client");
        Capture capture = capture();
        List<HttpResponse<byte[]>> responses = new ArrayList<>();
        try (LocalWebApp app = LocalWebApp.start(webapp, CONTEXT)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            responses.add(post(http, app, signed(client, "pay 10")));
            byte[] tampered = new String(signed(client, "pay 10"), StandardCharsets.UTF_8).replace("pay 10", "pay 99")
                    .getBytes(StandardCharsets.UTF_8);
            responses.add(post(http, app, tampered));
            responses.add(post(http, app, signed(client, "pay 20")));
        } finally {
            release(capture);
            System.clearProperty(MdcEndpoint.CONFIG_PROPERTY);
        }

        assertThat(SoapBodies.returned(responses.get(0))).contains("pay 10");
        SoapBodies.assertFault(responses.get(1), FaultCode.FAILED_CHECK);
        assertThat(SoapBodies.returned(responses.get(2))).contains("pay 20");
        List<List<Line>> requests = requests(capture.lines);
        assertThat(requests).as("one frame per request: %s", capture.lines).hasSize(3);
        for (List<Line> request : requests) {
            assertThat(request.get(0).gateKeys()).as("the request thread before Metro handles the request").isEmpty();
            assertThat(request.get(request.size() - 1).gateKeys()).as("the request thread after it").isEmpty();
        }

        String first = assertAccepted(requests.get(0));
        String refusedId = faultId(responses.get(1));
        List<Line> refused = requests.get(1);
        assertThat(refused).as("the endpoint does not run for a refused message").noneMatch(l -> l.message().equals(MdcEndpoint.LINE));
        assertThat(refused).filteredOn(l -> l.message().startsWith("WS-Security rejected message [" + refusedId + "] policy=mdc"))
                .as("the rejection line, with the fault's id").hasSize(1);
        assertWss4jLinesCarry(refused, refusedId);
        String third = assertAccepted(requests.get(2));
        assertThat(List.of(first, refusedId, third)).doesNotHaveDuplicates();
    }

    /** The endpoint's line and WSS4J's carry one id, the accepted outcome and the policy; returns the id. */
    private static String assertAccepted(List<Line> request) {
        List<Line> endpoint = request.stream().filter(l -> l.message().equals(MdcEndpoint.LINE)).toList();
        assertThat(endpoint).as("the endpoint's own line in %s", request).hasSize(1);
        Map<String, String> mdc = endpoint.get(0).gateKeys();
        assertThat(mdc).containsEntry(GateMdc.POLICY, "mdc").containsEntry(GateMdc.OUTCOME, "accepted")
                .doesNotContainKey(GateMdc.FAULT);
        String id = mdc.get(GateMdc.CORRELATION_ID);
        assertThat(id).matches("[0-9a-f-]{36}");
        assertWss4jLinesCarry(request, id);
        return id;
    }

    private static void assertWss4jLinesCarry(List<Line> request, String id) {
        List<Line> wss4j = request.stream().filter(l -> l.from("org.apache.wss4j")).toList();
        assertThat(wss4j).as("WSS4J's lines while the message is validated").isNotEmpty()
                .allSatisfy(l -> assertThat(l.gateKeys()).as(l.toString())
                        .containsEntry(GateMdc.CORRELATION_ID, id).containsEntry(GateMdc.POLICY, "mdc"));
    }

    /** The lines of each request: from its RequestFrame "begins" to its "ends", on the thread that handled it. */
    private static List<List<Line>> requests(List<Line> lines) {
        List<List<Line>> requests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line begin = lines.get(i);
            if (!begin.from(RequestFrame.class.getName()) || !begin.message().equals(RequestFrame.BEGINS)) {
                continue;
            }
            List<Line> request = new ArrayList<>();
            for (Line line : lines.subList(i, lines.size())) {
                if (line.thread().equals(begin.thread())) {
                    request.add(line);
                    if (line.from(RequestFrame.class.getName()) && line.message().equals(RequestFrame.ENDS)) {
                        break;
                    }
                }
            }
            requests.add(request);
        }
        return requests;
    }

    private static String faultId(HttpResponse<byte[]> response) {
        Matcher id = Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}").matcher(new String(response.body(), StandardCharsets.UTF_8));
        assertThat(id.find()).as("the fault's correlation id").isTrue();
        return id.group();
    }

    private static byte[] signed(TestKeys.Identity client, String text) {
        return TestMessages.soap11(SoapBodies.echo(text)).timestamp(Duration.ofMinutes(1)).signWith(client, KeyIdType.BST).build();
    }

    private static HttpResponse<byte[]> post(HttpClient http, LocalWebApp app, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(app.uri("/mdc")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", SecuredEndpoints.SOAP11).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every line to the capture; WSS4J's at DEBUG (to the capture only, not the console). */
    private static Capture capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Capture capture = new Capture();
        capture.setContext(context);
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        ch.qos.logback.classic.Logger wss4j = context.getLogger("org.apache.wss4j");
        wss4j.setLevel(Level.DEBUG);
        wss4j.setAdditive(false);
        wss4j.addAppender(capture);
        return capture;
    }

    private static void release(Capture capture) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        ch.qos.logback.classic.Logger wss4j = context.getLogger("org.apache.wss4j");
        wss4j.detachAppender(capture);
        wss4j.setAdditive(true);
        wss4j.setLevel(null);
        capture.stop();
    }

    /** Metro as a user deploys it (as MetroWebApp), with RequestFrame in front of its servlet. */
    private static Path webApp(Path webapp) throws Exception {
        Path webInf = Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <listener>
                    <listener-class>com.sun.xml.ws.transport.http.servlet.WSServletContextListener</listener-class>
                  </listener>
                  <filter>
                    <filter-name>frame</filter-name>
                    <filter-class>%s</filter-class>
                  </filter>
                  <filter-mapping>
                    <filter-name>frame</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>metro</servlet-name>
                    <servlet-class>com.sun.xml.ws.transport.http.servlet.WSServlet</servlet-class>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>metro</servlet-name>
                    <url-pattern>/mdc</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(RequestFrame.class.getName()));
        Files.writeString(webInf.resolve("sun-jaxws.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <endpoints xmlns="http://java.sun.com/xml/ns/jax-ws/ri/runtime" version="2.0">
                  <endpoint name="MdcEndpoint" implementation="%s" url-pattern="/mdc"/>
                </endpoints>
                """.formatted(MdcEndpoint.class.getName()));
        return webapp;
    }
}
