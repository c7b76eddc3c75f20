package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its chromedriver: what the browser ITs see and do,
 * with axe-core (installed by {@code .ci/run}) injected into the page under test. Saves a
 * screenshot of the page when a test fails. One browser per test class; not thread-safe.
 */
final class Browser implements TestWatcher, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private ChromeDriver driver;

    /** Starts a fresh browser (no storage from an earlier one), closing the one before. */
    ChromeDriver open() {
        close();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("deploy.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-sync",
                "--disable-extensions", "--no-first-run", "--no-default-browser-check", "--metrics-recording-only",
                "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("deploy.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads a page and waits until its script has run. */
    void load(String url) {
        driver.get(url);
        await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")), "the page script ran on " + url);
    }

    /** Lays the page out at a width in CSS pixels, as a phone of that width would (320: WCAG's reflow width). */
    void width(int pixels) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", pixels, "height", 900, "deviceScaleFactor", 1, "mobile", pixels < 600));
        assertEquals((long) pixels, driver.executeScript("return window.innerWidth"), "viewport width");
    }

    void await(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(ignored -> condition.getAsBoolean());
    }

    /** @return the element that has the keyboard focus */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until {@code target} has the focus; fails when it is not reachable within the page's tab order. */
    void tabTo(WebElement target) {
        for (int step = 0; step < 200; step++) {
            if (focused().equals(target)) {
                return;
            }
            focused().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reaches " + target.getAccessibleName());
    }

    /** @return axe-core's serious and critical violations on the page as it is now, one line each */
    List<String> seriousViolations() {
        driver.executeScript(axeSource() + "\n;return true;");
        String found = (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); },"
                + " function (e) { done('error: ' + e); });");
        assertTrue(found.startsWith("["), found);
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(found)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText() + " at " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    private static String axeSource() {
        Path axe = Path.of(System.getProperty("deploy.axe-core", "browser-tools/node_modules/axe-core/axe.min.js"));
        assertTrue(Files.isRegularFile(axe), axe + " is missing: install it with npm ci --prefix deploy/browser-tools (as .ci/run does)");
        try {
            return Files.readString(axe, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("deploy.screenshots", "target/screenshots")));
            Path file = folder.resolve(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName().replaceAll("[^A-Za-z0-9]", "") + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            System.getLogger(Browser.class.getName()).log(System.Logger.Level.WARNING, "screenshot of the failed page: " + file
                    + " (" + Optional.ofNullable(driver.getCurrentUrl()).orElse("") + ")");
        } catch (IOException | RuntimeException e) {
            System.getLogger(Browser.class.getName()).log(System.Logger.Level.WARNING, "no screenshot: " + e);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
