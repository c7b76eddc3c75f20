package io.heartwise.deploy.bench;

import io.heartwise.deploy.RunnerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The lesson page in headless Chromium on the embedded runner over loopback: bytes on the wire
 * (HTML, JS, CSS, as sent, gzip), requests, first contentful paint and time to interactive (the page
 * script has run: its {@code heartwise-interactive} mark, or DOMContentLoaded if later), median of
 * {@code bench.loads} loads with the browser's cache off. Prints the figures beside the budget;
 * exit status 3 when one is missed. Not a test.
 */
public final class PagesBench {
    private static final String PAGE = "lessons/why-men-pull-away";

    private PagesBench() {
    }

    public static void main(String[] args) throws Exception {
        int loads = Integer.getInteger("bench.loads", 10);
        Path base = Files.createTempDirectory("heartwise-pages-bench");
        Path jar = Path.of(System.getProperty("bench.server-jar"));
        // Started as the README's run command starts it, with the build's class-data archive.
        List<String> options = List.of("-Xmx256m", "-XX:SharedArchiveFile=" + jar.resolveSibling("heartwise-server.jsa"));
        try (RunnerProcess runner = new RunnerProcess(jar, base, options)) {
            runner.start();
            ChromeDriver driver = HeadlessChromium.start();
            try {
                driver.executeCdpCommand("Network.enable", Map.of());
                driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                String url = runner.uri(PAGE).toString();
                driver.get(url); // warm-up: JIT and the server's first render
                List<Double> fcp = new ArrayList<>();
                List<Double> interactive = new ArrayList<>();
                Map<?, ?> last = null;
                for (int load = 0; load < loads; load++) {
                    driver.get("about:blank");
                    driver.get(url);
                    Map<?, ?> figures = (Map<?, ?>) driver.executeAsyncScript("""
                            var done = arguments[arguments.length - 1];
                            function measure() {
                              var nav = performance.getEntriesByType('navigation')[0];
                              var mark = performance.getEntriesByName('heartwise-interactive')[0];
                              var paint = performance.getEntriesByName('first-contentful-paint')[0];
                              if (!nav || !mark || !paint || nav.loadEventEnd === 0) { setTimeout(measure, 20); return; }
                              var bytes = {html: nav.transferSize, js: 0, css: 0, other: 0};
                              var resources = performance.getEntriesByType('resource');
                              resources.forEach(function (r) {
                                var kind = /\\.js$/.test(r.name) ? 'js' : /\\.css$/.test(r.name) ? 'css' : 'other';
                                bytes[kind] += r.transferSize;
                              });
                              done({fcp: paint.startTime, interactive: Math.max(mark.startTime, nav.domContentLoadedEventEnd),
                                    requests: 1 + resources.length, html: bytes.html, js: bytes.js, css: bytes.css, other: bytes.other,
                                    htmlBody: nav.encodedBodySize, decoded: nav.decodedBodySize});
                            }
                            measure();""");
                    fcp.add(((Number) figures.get("fcp")).doubleValue());
                    interactive.add(((Number) figures.get("interactive")).doubleValue());
                    last = figures;
                }
                double fcpMedian = median(fcp);
                double interactiveMedian = median(interactive);
                long requests = ((Number) last.get("requests")).longValue();
                long js = ((Number) last.get("js")).longValue();
                long css = ((Number) last.get("css")).longValue();
                System.out.printf("Lesson page %s, headless Chromium %s, loopback, cache off, median of %d loads%n", PAGE,
                        driver.getCapabilities().getBrowserVersion(), loads);
                System.out.printf("  bytes on the wire (with headers): HTML %,d (body %,d gzip of %,d), JS %,d, CSS %,d, other %,d%n",
                        ((Number) last.get("html")).longValue(), ((Number) last.get("htmlBody")).longValue(),
                        ((Number) last.get("decoded")).longValue(), js, css, ((Number) last.get("other")).longValue());
                System.out.printf("  requests: %d                               (budget <= 4 %s)%n", requests, requests <= 4 ? "✔" : "✘");
                System.out.printf("  JS + CSS: %,d bytes                        (budget <= 30 KiB %s)%n", js + css, js + css <= 30 * 1024 ? "✔" : "✘");
                System.out.printf("  first contentful paint: %.0f ms (runs %s)%n", fcpMedian, fcp);
                System.out.printf("  interactive: %.0f ms                       (budget <= 300 ms %s) (runs %s)%n", interactiveMedian,
                        interactiveMedian <= 300 ? "✔" : "✘", interactive);
                boolean met = requests <= 4 && js + css <= 30 * 1024 && interactiveMedian <= 300;
                System.exit(met ? 0 : 3);
            } finally {
                driver.quit();
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
