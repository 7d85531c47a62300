package io.wssgate.examples.webxml;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;

/**
 * What {@code -Prun}'s jetty-ee10-maven-plugin {@code run-war} does with the example, in a JVM of
 * its own: the web application at context path "/" on Jetty 12, its start-up exceptions thrown or
 * not as the first argument says (the run profile's {@code throwUnavailableOnStartupException});
 * a start that throws ends the run with status 1, as the plugin fails Maven. Otherwise it serves
 * until killed, as the plugin does.
 */
public final class RunWarMain {
    private RunWarMain() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(0);
        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath("/");
        webApp.setWar(args[1]);
        webApp.setThrowUnavailableOnStartupException(Boolean.parseBoolean(args[0]));
        server.setHandler(webApp);
        try {
            server.start();
        } catch (Exception e) {
            System.out.println("run-war failed: " + e);
            server.stop();
            System.exit(1);
        }
        System.out.println("serving");
        server.join();
    }
}
