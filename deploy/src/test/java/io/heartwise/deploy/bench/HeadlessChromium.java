package io.heartwise.deploy.bench;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser the page benchmarks time: Debian's Chromium through its chromedriver, headless, with
 * nothing of its own on the network. {@code bench.chromium} and {@code bench.chromedriver} name
 * other binaries.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(System.getProperty("bench.chromium", "/usr/bin/chromium"));
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-default-apps", "--disable-sync", "--disable-extensions", "--no-first-run",
                "--window-size=1280,900");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("bench.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build(), chrome);
    }
}
