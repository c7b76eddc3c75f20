package io.heartwise.deploy;

import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentException;
import io.heartwise.web.HeartwiseApplication;
import io.heartwise.web.Settings;
import io.heartwise.web.SettingsException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Starts the plugin inside a servlet container: reads the settings, loads the whole catalog and
 * mounts the API at {@value #API_MAPPING}. Declared in {@code web.xml}, so it runs before any
 * request is served. Anything wrong (a bad setting, a broken content file) is logged and rethrown,
 * so that the container fails the deployment instead of serving half a plugin.
 */
public final class StartupListener implements ServletContextListener {
    /** Where the API is mounted, relative to the context path. */
    public static final String API_MAPPING = "/api/v1/*";

    private static final System.Logger LOG = System.getLogger(StartupListener.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        long started = System.nanoTime();
        try {
            Settings settings = SettingsLookup.settings(context::getInitParameter,
                    Collections.list(context.getInitParameterNames()), System.getenv());
            ContentCatalog catalog = CatalogLoader.loadFromClasspath();
            ServletRegistration.Dynamic api = context.addServlet("heartwise-api",
                    new ServletContainer(HeartwiseApplication.resourceConfig(settings, catalog)));
            api.addMapping(API_MAPPING);
            api.setLoadOnStartup(1);
            LOG.log(Level.INFO, () -> "Heartwise API at " + context.getContextPath() + API_MAPPING.replace("*", "") + ": "
                    + catalog.lessonList().lessons().size() + " lessons and " + catalog.quizIds().size()
                    + " quizzes loaded in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } catch (SettingsException | ContentException e) {
            LOG.log(Level.ERROR, "Heartwise cannot start, the deployment fails: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Heartwise cannot start, the deployment fails", e);
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        LOG.log(Level.INFO, () -> "Heartwise API at " + event.getServletContext().getContextPath() + " stopped");
    }
}
