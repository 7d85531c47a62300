package io.wssgate.jaxws;

import io.wssgate.JceProviders;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Closes the {@link GateRegistry} of a web application when it stops. The registry is static, so
 * its gates (and their key-reload threads) would otherwise outlive an undeployed application and
 * keep its class loader alive; the JCE providers WSS4J registered from that loader go too. Only
 * when this jar belongs to the application (its class loader is the application's or below it):
 * a registry shared by the whole server is left alone. Found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class RegistryShutdown implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (!belongsTo(GateRegistry.class.getClassLoader(), context.getClassLoader())) {
            return;
        }
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                GateRegistry.closeAll();
                JceProviders.removeLoadedBy(event.getServletContext().getClassLoader());
            }
        });
    }

    private static boolean belongsTo(ClassLoader loader, ClassLoader application) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == application) {
                return true;
            }
        }
        return false;
    }
}
