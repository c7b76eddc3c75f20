package io.heartwise.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.core.StandardService;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.webresources.StandardRoot;
import org.apache.coyote.ActionCode;
import org.apache.juli.ClassLoaderLogManager;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.tomcat.util.scan.StandardJarScanFilter;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Runs {@code heartwise.war} in an embedded Tomcat, for those who have no servlet container:
 * {@code java -jar heartwise-server.jar [--port N] [--war PATH] [--static-dir DIR] [--check]}. The
 * WAR is deployed as a container would deploy it (its web.xml, its class loader), at the root
 * context, so the API is at {@code http://localhost:8080/api/v1/}; it is unpacked once, not at every
 * start ({@link ExpandedWar}). Tomcat scans no jar (web.xml is
 * metadata-complete), Tomcat's own error pages answer in problem+json too, Tomcat's work files go to
 * a temporary directory that is removed on exit, the plugin's data (the embedded database) to
 * {@code ./data} unless configured, and SIGTERM stops the server gracefully.
 * The runner's classes are kept out of the WAR; they live only in {@code heartwise-server.jar}.
 */
public final class EmbeddedServer {
    private static final String USAGE = """
            Usage: java -jar heartwise-server.jar [--port N] [--war PATH] [--static-dir DIR] [--check]
              --port N          HTTP port (default: $PORT, else 8080; 0 picks a free one)
              --war PATH        the WAR to run (default: heartwise.war next to this jar)
              --static-dir DIR  also serve the files of DIR at /static/
              --check           start, request the health and the lessons, stop; exit 0 when both answered 200
            Settings (heartwise.*) come from system properties (-Dname=value) or environment variables;
            attempts are stored in ./data unless heartwise.data-dir (HEARTWISE_DATA_DIR) says otherwise.
            The local demo platform (public secret, for trying the API) is on unless heartwise.demo-platform=false.""";
    private static final String DATA_DIR = "heartwise.data-dir";
    private static final String DEMO_PLATFORM = "heartwise.demo-platform";
    private static final long GRACEFUL_STOP_MILLIS = 5_000;

    private final Options options;
    private final Path baseDir;
    private final Tomcat tomcat = new Tomcat();

    private EmbeddedServer(Options options, Path baseDir) {
        this.options = options;
        this.baseDir = baseDir;
    }

    /**
     * Starts the server and blocks until the process is told to stop. Exits with 2 on a usage error
     * and 1 when the WAR cannot be deployed (bad setting, broken content, missing file).
     */
    public static void main(String[] args) {
        long launched = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
        configureLogging();
        System.Logger log = System.getLogger(EmbeddedServer.class.getName());
        Options options;
        try {
            options = Options.parse(args, System.getenv(), defaultWar());
        } catch (IllegalArgumentException e) {
            log.log(Level.ERROR, e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            log.log(Level.INFO, USAGE);
            return;
        }
        EmbeddedServer server;
        try {
            server = new EmbeddedServer(options, Files.createTempDirectory("heartwise-server-"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "heartwise-shutdown"));
            int port = server.start();
            log.log(Level.INFO, "Heartwise listening on http://localhost:" + port + "/api/v1/ (started in "
                    + (System.currentTimeMillis() - launched) + " ms)");
            if (options.check()) {
                System.exit(check(port) ? 0 : 1);
            }
        } catch (IOException | LifecycleException | IllegalStateException e) {
            log.log(Level.ERROR, "Heartwise cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        server.tomcat.getServer().await();
    }

    /**
     * The runner's own defaults, as the webapp's init parameters, for a setting that neither a
     * system property nor the environment sets (init parameters would win over both): a data
     * directory beside the jar, and the demo platform, which the README's quiz walk-through needs.
     */
    private static Map<String, String> runnerDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(DATA_DIR, Path.of("data").toAbsolutePath().toString());
        defaults.put(DEMO_PLATFORM, "true");
        // Settings' own lookup is in the WAR, not in the runner's class path: the same names, read the same way.
        defaults.keySet().removeIf(name -> System.getProperty(name) != null
                || System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')) != null);
        return defaults;
    }

    /**
     * {@code --check}: a smoke test of the running server, which the build also runs to record the
     * classes a start-up loads (see deploy/pom.xml).
     */
    private static boolean check(int port) {
        boolean ok = true;
        for (String path : new String[] {"health", "lessons"}) {
            int status;
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/api/v1/" + path).toURL().openConnection();
                status = connection.getResponseCode();
                try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    if (body != null) {
                        body.readAllBytes();
                    }
                }
            } catch (IOException e) {
                status = -1;
            }
            System.getLogger(EmbeddedServer.class.getName()).log(status == 200 ? Level.INFO : Level.ERROR, "check: GET /api/v1/" + path + " " + status);
            ok &= status == 200;
        }
        return ok;
    }

    /** @return the port the server listens on */
    private int start() throws IOException, LifecycleException {
        Path war = options.war();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("there is no WAR at " + war + "; build it with mvn package or pass --war PATH");
        }
        // Nobody manages this Tomcat over JMX, and starting the platform MBean server costs a third of a second.
        Registry.disableRegistry();
        tomcat.setBaseDir(baseDir.toString());
        Path appBase = Files.createDirectories(baseDir.resolve("webapps"));

        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(options.port());
        // Long query strings must reach the API, which answers them with a 414 problem.
        connector.setProperty("maxHttpRequestHeaderSize", String.valueOf(64 * 1024));
        // Keep-alive connections are not closed after 100 requests: API clients and proxies reuse them.
        connector.setProperty("maxKeepAliveRequests", "-1");
        tomcat.setConnector(connector);
        ((StandardService) tomcat.getService()).setGracefulStopAwaitMillis(GRACEFUL_STOP_MILLIS);

        StandardHost host = (StandardHost) tomcat.getHost();
        host.setAutoDeploy(false);
        host.setAppBase(appBase.toString());
        host.setErrorReportValveClass(ProblemReportValve.class.getName());

        StandardContext webapp = new StandardContext();
        webapp.setName("ROOT");
        webapp.setPath("");
        webapp.setDocBase(ExpandedWar.of(war, baseDir).toString());
        webapp.setParentClassLoader(EmbeddedServer.class.getClassLoader());
        webapp.setReloadable(false);
        runnerDefaults().forEach(webapp::addParameter);
        // The process ends with the webapp, so there is no class loader leak to clean up after.
        webapp.setClearReferencesRmiTargets(false);
        webapp.setClearReferencesThreadLocals(false);
        webapp.setJarScanner(noJarScanning());
        // Each class lookup asks every jar of WEB-INF/lib in turn; an index of each jar's entries
        // answers "not here" at once. Loading classes is a quarter of the start-up.
        StandardRoot resources = new StandardRoot(webapp);
        resources.setArchiveIndexStrategy(WebResourceRoot.ArchiveIndexStrategy.BLOOM.name());
        webapp.setResources(resources);
        StandardManager sessions = new StandardManager();
        sessions.setPathname(null);
        webapp.setManager(sessions);
        ContextConfig config = new ContextConfig();
        // Only the WAR's own web.xml: no default servlet, no JSP, nothing the WAR did not ask for.
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        webapp.addLifecycleListener(config);
        host.addChild(webapp);

        options.staticDir().ifPresent(this::addStaticFiles);

        // Binds the port before the WAR is deployed: a port in use fails in a moment, not after the deployment.
        tomcat.init();
        if (connector.getState() != LifecycleState.INITIALIZED) {
            throw new IllegalStateException("cannot listen on port " + options.port() + "; the reason is logged above");
        }
        tomcat.start();
        if (webapp.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            throw new IllegalStateException("the WAR " + war + " failed to deploy; the reason is logged above");
        }
        return connector.getLocalPort();
    }

    private void addStaticFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("--static-dir " + directory + " is not a directory");
        }
        Context files = tomcat.addContext("/static", directory.toAbsolutePath().toString());
        Wrapper servlet = Tomcat.addServlet(files, "default", new DefaultServlet());
        servlet.addInitParameter("listings", "false");
        files.addServletMapping("/", "default");
        files.addMimeMapping("json", "application/json");
        files.addMimeMapping("html", "text/html");
        files.addMimeMapping("txt", "text/plain");
    }

    private static StandardJarScanner noJarScanning() {
        StandardJarScanFilter filter = new StandardJarScanFilter();
        filter.setDefaultPluggabilityScan(false);
        filter.setDefaultTldScan(false);
        filter.setPluggabilityScan("");
        filter.setTldScan("");
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        scanner.setScanManifest(false);
        scanner.setScanAllDirectories(false);
        scanner.setJarScanFilter(filter);
        return scanner;
    }

    /** Runs on SIGTERM or SIGINT: stops taking requests, lets running ones finish, cleans up. */
    private void stop() {
        System.Logger log = System.getLogger(EmbeddedServer.class.getName());
        boolean running = tomcat.getServer().getState().isAvailable();
        try {
            if (running) {
                log.log(Level.INFO, "Heartwise stopping");
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException e) {
            log.log(Level.WARNING, "Tomcat did not stop cleanly", e);
        }
        ExpandedWar.deleteTree(baseDir);
        if (running) {
            log.log(Level.INFO, "Heartwise stopped");
        }
        if (LogManager.getLogManager() instanceof ClassLoaderLogManager logManager) {
            logManager.shutdown();
        }
    }

    /**
     * One-line log records, and Tomcat's log manager, which (unlike the JDK's) can be kept from
     * closing the log before the shutdown hook has said what it did.
     */
    private static void configureLogging() {
        System.setProperty("java.util.logging.manager", ClassLoaderLogManager.class.getName());
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        }
        if (LogManager.getLogManager() instanceof ClassLoaderLogManager logManager) {
            logManager.setUseShutdownHook(false);
        }
    }

    private static Path defaultWar() {
        try {
            Path jar = Path.of(EmbeddedServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path directory = Files.isDirectory(jar) ? jar : jar.getParent();
            return directory.resolve("heartwise.war");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("heartwise.war");
        }
    }

    /**
     * The command line.
     *
     * @param port      the HTTP port; 0 for any free one
     * @param war       the WAR to deploy at the root context
     * @param staticDir a directory to serve at {@code /static/}, if any
     * @param check     whether to stop after a smoke test of the started server
     * @param help      whether only the usage was asked for
     */
    record Options(int port, Path war, Optional<Path> staticDir, boolean check, boolean help) {

        static Options parse(String[] args, Map<String, String> environment, Path defaultWar) {
            int port = environment.containsKey("PORT") ? port(environment.get("PORT"), "PORT") : 8080;
            Path war = defaultWar;
            Optional<Path> staticDir = Optional.empty();
            boolean check = false;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String inline = null;
                int equals = name.indexOf('=');
                if (name.startsWith("--") && equals > 0) {
                    inline = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                switch (name) {
                    case "--help", "-h" -> help = true;
                    case "--check" -> check = true;
                    case "--port" -> port = port(inline != null ? inline : value(args, ++i, name), name);
                    case "--war" -> war = Path.of(inline != null ? inline : value(args, ++i, name));
                    case "--static-dir" -> staticDir = Optional.of(Path.of(inline != null ? inline : value(args, ++i, name)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(port, war, staticDir, check, help);
        }

        private static String value(String[] args, int index, String name) {
            if (index >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[index];
        }

        private static int port(String raw, String name) {
            try {
                int port = Integer.parseInt(raw.strip());
                if (port < 0 || port > 65_535) {
                    throw new IllegalArgumentException(name + ": " + port + " is not a port; use 0 to 65535");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": \"" + raw + "\" is not a port number");
            }
        }
    }

    /**
     * Tomcat's last word on a request no web application answered (one it could not even parse,
     * say): a problem+json document, like every other error of the server, instead of an HTML page.
     */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String body = "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
                    + ",\"detail\":\"The server cannot process this request.\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is already on its way: nothing left to report to.
            }
        }

        private static String title(int status) {
            return switch (status) {
                case 400 -> "Bad Request";
                case 404 -> "Not Found";
                case 405 -> "Method Not Allowed";
                case 408 -> "Request Timeout";
                case 413 -> "Content Too Large";
                case 414 -> "URI Too Long";
                case 431 -> "Request Header Fields Too Large";
                case 500 -> "Internal Server Error";
                case 501 -> "Not Implemented";
                case 503 -> "Service Unavailable";
                default -> "HTTP " + status;
            };
        }
    }
}
