package io.heartwise.deploy;

import io.heartwise.content.ContentException;
import io.heartwise.store.StoreUnavailableException;
import io.heartwise.web.Heartwise;
import io.heartwise.web.HeartwiseApplication;
import io.heartwise.web.HeartwisePages;
import io.heartwise.page.PageSettings;
import io.heartwise.config.SettingsException;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Starts the plugin inside a servlet container: reads the settings ({@link SettingsLookup}), starts
 * {@link Heartwise} (content, platforms, database) and mounts the API at {@value #API_MAPPING}.
 * Declared in {@code web.xml}, so it runs before any request is served. Anything wrong (a bad
 * setting, a broken content file, an unreachable database) is logged and rethrown, so that the
 * container fails the deployment instead of serving half a plugin. When the context stops, closes
 * {@link Heartwise} (the database pool) and deregisters the webapp's JDBC drivers. One instance per
 * context, called by the container's deploying thread only.
 */
public final class StartupListener implements ServletContextListener {
    /** Where the API is mounted, relative to the context path. */
    public static final String API_MAPPING = "/api/v1/*";
    private static final String API_PATH = "/api/v1/";
    /** Where the pages for people are: everything else. */
    public static final String PAGES_MAPPING = "/*";
    /** What the log says when the fast paths serve in front of Jersey, followed by which. */
    static final String FAST_PATHS_ON = "Fast paths in front of Jersey: ";

    private static final System.Logger LOG = System.getLogger(StartupListener.class.getName());

    private Heartwise heartwise;
    private SendfileBodies sendfileBodies;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        long started = System.nanoTime();
        try {
            var lookup = SettingsLookup.of(context::getInitParameter, Collections.list(context.getInitParameterNames()), System.getenv());
            PageSettings pageSettings = PageSettings.from(lookup);
            heartwise = Heartwise.start(lookup);
            ResourceConfig application = HeartwiseApplication.resourceConfig(heartwise);
            ServletRegistration.Dynamic api = context.addServlet("heartwise-api", new ServletContainer(application));
            api.addMapping(API_MAPPING);
            api.setLoadOnStartup(1);
            // The pages for people take every path of the context that is not the API's (or /error).
            ServletRegistration.Dynamic pages = context.addServlet("heartwise-pages",
                    new ServletContainer(HeartwisePages.resourceConfig(heartwise, pageSettings, API_PATH.substring(1))));
            pages.addMapping(PAGES_MAPPING);
            pages.setLoadOnStartup(2);
            Set<String> unaccounted = FastPaths.unaccountedProviders(application);
            if (!unaccounted.isEmpty()) {
                LOG.log(Level.WARNING, "The fast paths do not account for " + unaccounted + ": every request goes through Jersey");
            } else if (heartwise.settings().fastPaths()) {
                context.addFilter("heartwise-attempts", new AttemptsFastPath(heartwise.tokenVerifier(), heartwise.attempts(), heartwise.json()))
                        .addMappingForServletNames(null, false, "heartwise-api");
                if (!heartwise.settings().requireAuthForContent()) {
                    sendfileBodies = SendfileBodies.write(heartwise.representations(), contentBodiesDirectory(context));
                    context.addFilter("heartwise-content", new ContentFastPath(heartwise.representations(), sendfileBodies))
                            .addMappingForServletNames(null, false, "heartwise-api");
                }
                LOG.log(Level.INFO, () -> FAST_PATHS_ON + (sendfileBodies == null ? "submissions" : "submissions, content"));
            }
            LOG.log(Level.INFO, () -> "Heartwise API at " + context.getContextPath() + API_PATH + " set up in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } catch (SettingsException | ContentException | StoreUnavailableException e) {
            LOG.log(Level.ERROR, "Heartwise cannot start, the deployment fails: " + e.getMessage());
            closeQuietly();
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Heartwise cannot start, the deployment fails", e);
            closeQuietly();
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        closeQuietly();
        deregisterOwnDrivers();
        LOG.log(Level.INFO, () -> "Heartwise API at " + event.getServletContext().getContextPath() + API_PATH + " stopped");
    }

    /**
     * Loading a JDBC driver registers it with the JVM-wide DriverManager, which would then keep this
     * webapp's class loader (and every class in it) alive after an undeploy.
     */
    private static void deregisterOwnDrivers() {
        ClassLoader webapp = StartupListener.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == webapp) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "cannot deregister JDBC driver " + driver.getClass().getName(), e);
                }
            }
        }
    }

    /** The webapp's own temporary directory, which every servlet container provides. */
    private static Path contentBodiesDirectory(ServletContext context) {
        Object temporary = context.getAttribute(ServletContext.TEMPDIR);
        Path root = temporary instanceof File directory ? directory.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
        return root.resolve("heartwise-content-bodies");
    }

    private void closeQuietly() {
        if (sendfileBodies != null) {
            sendfileBodies.delete();
            sendfileBodies = null;
        }
        if (heartwise != null) {
            heartwise.close();
            heartwise = null;
        }
    }
}
