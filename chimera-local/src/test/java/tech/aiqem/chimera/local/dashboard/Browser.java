package tech.aiqem.chimera.local.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through {@code /usr/bin/chromedriver} (nothing is downloaded), with waits
 * that retry over re-rendered elements and full-page screenshots. The dashboard re-renders on live
 * updates, so nothing here keeps a {@code WebElement} across a wait: reads are one script call
 * ({@link #attribute}, {@link #textOf}), actions find and act inside one retried step.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Dimension LAPTOP = new Dimension(1366, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	final ChromeDriver driver;

	private final Path screenshots;

	Browser(Path profile, Path screenshots) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The dashboard's browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run does it)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1366,900", "--force-color-profile=srgb", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.screenshots = screenshots;
	}

	void open(String url) {
		this.driver.get(url);
	}

	void resize(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	/** Waits for the condition; on timeout saves a screenshot and adds where the page was and what it showed. */
	<T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
		try {
			return new WebDriverWait(this.driver, timeout, Duration.ofMillis(200))
				.ignoring(StaleElementReferenceException.class)
				.ignoring(NoSuchElementException.class)
				.withMessage(what)
				.until(condition);
		}
		catch (TimeoutException ex) {
			Path shot = screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
			Object page = this.driver.executeScript(
					"return location.hash + ' | ' + (document.getElementById('view') || document.body).innerText.slice(0, 1500)");
			throw new TimeoutException(ex.getMessage() + "\nscreenshot: " + shot + "\npage: " + page, ex);
		}
	}

	<T> T waitFor(String what, Function<WebDriver, T> condition) {
		return waitFor(what, Duration.ofSeconds(15), condition);
	}

	WebElement visible(String css) {
		return waitFor("visible: " + css, d -> {
			WebElement element = d.findElement(By.cssSelector(css));
			return element.isDisplayed() ? element : null;
		});
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	String text(String css) {
		return this.driver.findElement(By.cssSelector(css)).getText();
	}

	void click(String css) {
		waitFor("clickable: " + css, d -> {
			WebElement element = d.findElement(By.cssSelector(css));
			if (!element.isDisplayed() || !element.isEnabled()) {
				return null;
			}
			element.click();
			return true;
		});
	}

	void type(String css, String text) {
		waitFor("typing into " + css, d -> {
			WebElement element = d.findElement(By.cssSelector(css));
			if (!element.isDisplayed()) {
				return null;
			}
			element.clear();
			element.sendKeys(text);
			return true;
		});
	}

	/** An attribute of the first element matching, read in one script call (null when there is none). */
	String attribute(String css, String name) {
		return (String) this.driver.executeScript(
				"const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css, name);
	}

	/** The text of the first visible element matching, waiting for one; read in one script call. */
	String textOf(String css) {
		return waitFor("text of " + css, d -> (String) this.driver.executeScript("""
				const e = document.querySelector(arguments[0]);
				return e && e.getClientRects().length > 0 ? e.innerText : null;
				""", css));
	}

	/**
	 * Fails when an image of the page does not load: waits until every {@code <img>} (lazy ones made eager)
	 * has finished, then every one must have a natural width.
	 */
	void assertImagesLoad(String page) {
		waitFor("images of " + page + " to finish loading", Duration.ofSeconds(20), d -> (Boolean) this.driver.executeScript("""
				const images = [...document.images];
				images.forEach((i) => { if (i.loading === 'lazy') i.loading = 'eager'; });
				return images.every((i) => i.complete);
				"""));
		@SuppressWarnings("unchecked")
		List<String> broken = (List<String>) this.driver.executeScript(
				"return [...document.images].filter((i) => i.naturalWidth === 0).map((i) => i.currentSrc || i.src || '(no src)');");
		if (!broken.isEmpty()) {
			throw new AssertionError("broken images on " + page + ": " + broken);
		}
	}

	/** The natural width of the image at the URL as this page loads it (0 when it does not load). */
	long imageWidth(String url) {
		return ((Number) this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const image = new Image();
				image.onload = () => done(image.naturalWidth);
				image.onerror = () => done(0);
				image.src = arguments[0];
				""", url)).longValue();
	}

	/** Checks that the page's images load, then saves its screenshot. */
	Path page(String name) {
		assertImagesLoad(name);
		return screenshot(name);
	}

	/** Keys as a person presses them, to whatever has the focus. */
	void press(CharSequence... keys) {
		new Actions(this.driver).sendKeys(keys).perform();
	}

	/** Navigates inside the dashboard (hash routing) and waits for the page's landmark. */
	void go(String hash, String landmarkCss) {
		this.driver.executeScript("location.hash = arguments[0]", hash);
		visible(landmarkCss);
	}

	/** A PNG of the whole page (beyond the viewport) under target/screenshots. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(this.screenshots);
			// The page's full size as laid out (the window's width includes the scrollbar gutter).
			@SuppressWarnings("unchecked")
			Map<String, Number> size = (Map<String, Number>) this.driver.executeScript("""
					const root = document.documentElement;
					return { width: Math.max(root.scrollWidth, window.innerWidth), height: Math.max(root.scrollHeight, window.innerHeight) };
					""");
			Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width").doubleValue(), "height",
					Math.min(6000, size.get("height").doubleValue()), "scale", 1);
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
			Path file = this.screenshots.resolve(name + ".png");
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}
}
