package org.gogoscope.demo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.demo.service.DemoHttp.get;
import static org.gogoscope.demo.service.DemoHttp.json;
import static org.gogoscope.demo.service.DemoHttp.poll;
import static org.gogoscope.demo.service.DemoHttp.post;
import static org.gogoscope.demo.service.DemoHttp.send;
import static org.gogoscope.demo.service.DemoHttp.sendAsync;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's page in a real browser (Debian's Chromium, headless, through its chromedriver) against the demo
 * service on two nodes (port offsets 1520 and 1530, one SQLite file): what node A does shows on node B's page, and
 * what the page does on node B takes effect for node A. Screenshots of each step go to
 * {@code target/screenshots/operator-page-*.png}. Signed in as the demo's {@code operator} (role gogoscope-admin);
 * {@code viewer} (signed in, no role) and anonymous callers are refused and change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorPageIT {

    private static final int OFFSET_A = 1520;
    private static final int OFFSET_B = 1530;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ServiceNode a;
    private static ServiceNode b;
    private WebDriver browser;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        List<ServiceNode> nodes = ServiceNode.startCluster("operator-page-nodes", List.of(
                "-Dorg.gogoscope.demo.service.QuoteService/quote/CircuitBreaker/delay=60000"), OFFSET_A, OFFSET_B);
        a = nodes.get(0);
        b = nodes.get(1);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (ServiceNode node : new ServiceNode[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        for (String executable : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            assertThat(new File(executable).canExecute()).as(executable + " (Debian packages chromium and "
                    + "chromium-driver; .ci/services.sh installs them)").isTrue();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1100", "--user-data-dir=" + Files.createTempDirectory("operator-page-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aLockHeldThroughNodeAShowsOnNodeBsPageAndForceReleasingItLetsNodeBTakeIt() throws Exception {
        String id = placeOrder();
        CompletableFuture<HttpResponse<String>> holding = sendAsync(post(a, "/orders/" + id + "/ship?holdMs=60000", ""));
        JsonObject view = poll(b, "/orders/" + id, v -> v.get("lockedBy") != null && v.get("lockedBy") != JsonValue.NULL);
        long token = view.getJsonObject("lockedBy").getJsonNumber("fencingToken").longValue();
        assertThat(send(post(b, "/orders/" + id + "/ship?holdMs=0", "")).statusCode()).as("B is refused").isEqualTo(409);

        signIn(b, "operator", "operator-demo");
        WebElement row = row("locks", "order-" + id);
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).as("holder").isNotBlank();
        assertThat(cells.get(2).getText()).as("fencing token").isEqualTo(Long.toString(token));
        assertThat(cells.get(3).getText()).as("time left").matches("\\d+(\\.\\d)? (s|min|ms)");
        screenshot("1-lock-held-through-a");

        row.findElement(By.linkText("Force release")).click();
        assertThat(await(By.id("question")).getText()).contains("order-" + id)
                .contains("fencing token " + token);
        screenshot("2-confirm-force-release");
        await(By.id("confirm")).click();
        assertThat(await(By.id("notice")).getText()).isEqualTo("The lock was released.");
        assertThat(rows("locks", "order-" + id)).isEmpty();
        screenshot("3-lock-released");

        HttpResponse<String> shipped = send(post(b, "/orders/" + id + "/ship?holdMs=0", ""));
        assertThat(shipped.statusCode()).as("B takes the lock now: " + shipped.body()).isEqualTo(200);
        JsonObject shipment = json(shipped).getJsonArray("shipments").getJsonObject(0);
        assertThat(shipment.getString("node")).isEqualTo("node-b");
        assertThat(shipment.getJsonNumber("fencingToken").longValue()).as("a newer grant").isGreaterThan(token);
        holding.cancel(true);
    }

    @Test
    @Order(2)
    void aBreakerOpenedThroughNodeAShowsOpenOnNodeBsPageAndResettingItClosesItForBoth() throws Exception {
        send(post(a, "/downstream/fail", ""));
        for (int i = 0; i < 4; i++) {
            assertThat(send(get(a, "/quotes/book-1")).statusCode()).isEqualTo(502);
        }
        send(post(a, "/downstream/heal", ""));
        assertThat(send(get(b, "/quotes/book-1")).statusCode()).as("open on B too").isEqualTo(503);

        signIn(b, "operator", "operator-demo");
        WebElement row = browser.findElements(By.cssSelector("#breakers tbody tr")).stream()
                .filter(r -> r.getText().contains("supplier-quotes")).findFirst()
                .orElseThrow(() -> new AssertionError("no supplier-quotes breaker on the page: " + section("breakers")));
        assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo("OPEN");
        screenshot("4-breaker-open");
        row.findElement(By.linkText("Reset")).click();
        assertThat(await(By.id("question")).getText()).contains("now OPEN");
        await(By.id("confirm")).click();
        assertThat(await(By.id("notice")).getText()).startsWith("The breaker was reset");
        screenshot("5-breaker-reset");

        assertThat(send(get(a, "/quotes/book-1")).statusCode()).as("A calls its supplier again").isEqualTo(200);
        assertThat(send(get(b, "/quotes/book-1")).statusCode()).as("B too").isEqualTo(200);
    }

    @Test
    @Order(3)
    void aStuckClaimAndARunningReportShowAndTheClaimCanBeReleased() throws Exception {
        String key = "op-" + UUID.randomUUID();
        String body = "{\"sku\":\"pen\",\"quantity\":1,\"customer\":\"dora\"}";
        String slowly = "/orders?processingMs=15000"; // part of the request's fingerprint: every call repeats it
        CompletableFuture<HttpResponse<String>> slow = sendAsync(post(a, slowly, body).header("Idempotency-Key", key));
        String report = "op-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send(post(a, "/reports/" + report + "?steps=200", "")).statusCode()).isEqualTo(202);
        poll(b, "/reports/" + report, r -> r.getInt("completedSteps") >= 1);
        awaitStatus(() -> send(post(b, slowly, body).header("Idempotency-Key", key)), 409);

        signIn(b, "operator", "operator-demo");
        assertThat(section("tasks")).contains(report);
        WebElement claim = row("claims", "order-" + key);
        screenshot("6-claim-and-task");
        claim.findElement(By.linkText("Release")).click();
        await(By.id("confirm")).click();
        assertThat(await(By.id("notice")).getText()).startsWith("The claim was released");
        assertThat(rows("claims", "order-" + key)).isEmpty();

        HttpResponse<String> rerun = send(post(b, slowly, body).header("Idempotency-Key", key));
        assertThat(rerun.statusCode()).as("the key runs again on B: " + rerun.body()).isEqualTo(201);
        slow.cancel(true);
    }

    @Test
    @Order(4)
    void callersWithoutTheRoleAndForgedRequestsAreRefusedAndChangeNothing() throws Exception {
        String id = placeOrder();
        CompletableFuture<HttpResponse<String>> holding = sendAsync(post(a, "/orders/" + id + "/ship?holdMs=30000", ""));
        poll(b, "/orders/" + id, v -> v.get("lockedBy") != null && v.get("lockedBy") != JsonValue.NULL);

        browser.get(b.uri("/gogoscope-admin").toString());
        assertThat(browser.findElements(By.id("locks"))).as("an anonymous browser sees no section").isEmpty();
        screenshot("7-anonymous-refused");
        signIn(b, "viewer", "viewer-demo");
        assertThat(browser.findElements(By.id("locks"))).as("a caller without the role sees no section").isEmpty();
        assertThat(browser.getPageSource()).contains("does not have the role 'gogoscope-admin'");

        String form = "store=default&key=order-" + id + "&owner=x&csrf=forged";
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(b.uri("/gogoscope-admin/release-lock"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        assertThat(send(anonymous).statusCode()).isEqualTo(401);
        assertThat(send(anonymous.copy().header("Authorization", basic("viewer", "viewer-demo"))).statusCode())
                .isEqualTo(403);
        HttpResponse<String> forged = send(anonymous.copy().header("Authorization", basic("operator", "operator-demo"))
                .header("Origin", "http://evil.example"));
        assertThat(forged.statusCode()).as("an operator's browser tricked by another site").isEqualTo(403);
        assertThat(forged.body()).contains("token does not match");
        assertThat(send(post(b, "/orders/" + id + "/ship?holdMs=0", "")).statusCode())
                .as("the lock is still held: nothing changed").isEqualTo(409);
        holding.cancel(true);
    }

    /** Signs in through the browser's Basic authentication (credentials in the first URL, cached after). */
    private void signIn(ServiceNode node, String user, String password) {
        String page = node.uri("/gogoscope-admin").toString();
        browser.get(page.replace("://", "://" + user + ":" + password + "@"));
        browser.get(page);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("header")) != null);
    }

    /**
     * The element once the page that has it is loaded: a click that submits a form may return before the browser
     * has followed the answer's redirect.
     */
    private WebElement await(By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> found = d.findElements(element);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private WebElement row(String section, String key) {
        return rows(section, key).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + section + ": " + section(section)));
    }

    private List<WebElement> rows(String section, String key) {
        return browser.findElements(By.cssSelector("#" + section + " tr[data-key='" + key + "']"));
    }

    private String section(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        return found.isEmpty() ? browser.getPageSource() : found.get(0).getText();
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("operator-page-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String placeOrder() throws Exception {
        HttpResponse<String> placed = send(post(a, "/orders", "{\"sku\":\"lamp\",\"quantity\":1,\"customer\":\"eve\"}")
                .header("Idempotency-Key", "op-" + UUID.randomUUID()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return json(placed).getString("id");
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static void awaitStatus(Call call, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last;
        do {
            last = call.send().statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never " + status + ", last " + last);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
