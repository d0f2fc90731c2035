package io.txlab.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.e2e.support.RawHttp;
import io.txlab.e2e.support.RawHttp.Request;
import io.txlab.tools.client.PlatformClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * The reviewers' console in a real browser: headless Chromium, driven through the installed chromedriver,
 * shows a confirmed order, a declined one and one whose local transaction answered UNKNOWN in the order list,
 * the swimlane and the check-back view. Screenshots go to target/screenshots/.
 */
@ExtendWith({InstalledChromium.class, PlatformExtension.class})
class ConsoleBrowserIT {

    private static final Duration CONVERGED = Duration.ofSeconds(60);
    private static final Duration SHOWN = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final long COFFEE = 4;
    /** Users 91..100 hold 5.00: a bag of coffee (19.90) is declined. */
    private static final long POOR_USER = 97;

    private static Browser browser;
    private static String console;
    private static String confirmed;
    private static String declined;
    private static String unknown;

    /** The three orders, each settled (compensation included) before the browser looks. */
    @BeforeAll
    static void placeTheOrders(Platform platform, PlatformClient api) {
        confirmed = api.placeOrder(UUID.randomUUID().toString(), 41, COFFEE, 1).text("orderId");
        declined = api.placeOrder(UUID.randomUUID().toString(), POOR_USER, COFFEE, 1).text("orderId");
        // The local transaction commits, then answers UNKNOWN; the broker's first check-back is answered
        // UNKNOWN too, its second COMMIT.
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        platform.faults(Service.ORDER).arm(FaultPoint.CHECK_BACK, FaultAction.unknown(1));
        unknown = api.placeOrder(UUID.randomUUID().toString(), 42, COFFEE, 1).text("orderId");

        await().atMost(CONVERGED).until(() -> api.orderStatus(confirmed).equals("CONFIRMED")
                && api.orderStatus(declined).equals("CANCELLED") && api.orderStatus(unknown).equals("CONFIRMED"));
        await().atMost(CONVERGED).until(() -> compensated(api.timeline(declined).body().path("entries").toString()));
        assertThat(api.checkBacks(unknown).toString()).contains("\"UNKNOWN\"", "\"COMMIT\"");
        platform.disarmAllFaults();
        console = platform.baseUrl(Service.ORDER) + "/console";
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOrderListShowsEachOrderWithItsStatusAndFiltersByStatus() throws IOException {
        WebDriver page = browser.open(console + "#/orders");

        await().atMost(SHOWN).ignoreExceptions().untilAsserted(() -> {
            assertThat(statusInList(page, confirmed)).isEqualTo("CONFIRMED");
            assertThat(statusInList(page, declined)).isEqualTo("CANCELLED");
            assertThat(statusInList(page, unknown)).isEqualTo("CONFIRMED");
        });
        assertThat(listRow(page, declined).getText()).contains("INSUFFICIENT_BALANCE");
        screenshot(page, "orders");

        choose(page, "orders-status", "CANCELLED");

        await().atMost(SHOWN).ignoreExceptions().untilAsserted(() -> {
            List<String> statuses = page.findElements(By.cssSelector("#orders-table tbody tr")).stream()
                    .map(row -> row.getAttribute("data-status")).toList();
            assertThat(statuses).isNotEmpty().containsOnly("CANCELLED");
            assertThat(statusInList(page, declined)).isEqualTo("CANCELLED");
        });
        assertThat(page.findElements(By.cssSelector(rowOf(confirmed)))).isEmpty();
    }

    @Test
    void theSwimlaneOfAConfirmedOrderShowsTheHalfMessageTheCommitTheConsumptionsAndTheReplies() throws IOException {
        WebDriver page = swimlaneOf(confirmed);

        assertThat(events(page, "order", "HALF_MESSAGE_SENT")).isEqualTo(1);
        assertThat(events(page, "order", "LOCAL_TX_COMMITTED")).isEqualTo(1);
        assertThat(events(page, "inventory", "CONSUMED")).isEqualTo(1);
        assertThat(events(page, "inventory", "STOCK_DEDUCTED")).isEqualTo(1);
        assertThat(events(page, "payment", "CONSUMED")).isEqualTo(1);
        assertThat(events(page, "payment", "PAYMENT_CHARGED")).isEqualTo(1);
        assertThat(events(page, "order", "CONSUMED")).as("the participants' replies").isEqualTo(2);
        assertThat(page.findElements(By.cssSelector("#swimlane .k-compensation"))).isEmpty();
        assertThat(page.findElement(By.id("order-status")).getAttribute("data-status")).isEqualTo("CONFIRMED");
        screenshot(page, "swimlane-confirmed");
    }

    @Test
    void theSwimlaneOfADeclinedOrderShowsTheRejectionTheCancelAndTheCompensation() throws IOException {
        WebDriver page = swimlaneOf(declined);

        assertThat(events(page, "payment", "REJECTED")).isEqualTo(1);
        assertThat(page.findElements(By.cssSelector(
                "#swimlane .event[data-service='order'][data-step='HALF_MESSAGE_SENT'][data-kind='compensation']")))
                .as("the OrderCancelled half message").hasSize(1);
        assertThat(events(page, "inventory", "STOCK_RELEASED") + events(page, "inventory", "CANCELLED_BEFORE_APPLY"))
                .as("inventory undoes its deduction, or plants its barrier before it").isEqualTo(1);
        assertThat(events(page, "payment", "NOTHING_TO_UNDO")).as("payment's empty compensation").isEqualTo(1);
        assertThat(page.findElement(By.id("order-summary")).getText()).contains("CANCELLED", "INSUFFICIENT_BALANCE");
        screenshot(page, "swimlane-declined");
    }

    @Test
    void theSwimlaneOfAnOrderAnsweredUnknownShowsEachCheckBackWithItsAttemptAnswerAndInstance() throws IOException {
        WebDriver page = swimlaneOf(unknown);

        List<WebElement> checkBacks = page.findElements(By.cssSelector(
                "#swimlane .event[data-service='order'][data-step='CHECK_BACK']"));
        assertThat(checkBacks).extracting(checkBack -> checkBack.getAttribute("data-answer"))
                .containsSubsequence("UNKNOWN", "COMMIT");
        List<WebElement> rows = page.findElements(By.cssSelector("#order-checkbacks tbody tr"));
        assertThat(rows).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("OrderCreated", "1", "UNKNOWN", "order@"))
                .anySatisfy(text -> assertThat(text).contains("OrderCreated", "2", "COMMIT", "order@"));
        assertThat(events(page, "inventory", "CONSUMED")).as("delivered once, after the COMMIT").isEqualTo(1);
        screenshot(page, "swimlane-unknown");
    }

    @Test
    void theCheckBackViewFiltersByAnswer() throws IOException {
        WebDriver page = browser.open(console + "#/checkbacks");
        choose(page, "checkbacks-answer", "UNKNOWN");

        await().atMost(SHOWN).ignoreExceptions().untilAsserted(() -> {
            List<WebElement> rows = page.findElements(By.cssSelector("#checkbacks-table tbody tr"));
            assertThat(rows).extracting(row -> row.getAttribute("data-answer")).isNotEmpty().containsOnly("UNKNOWN");
            assertThat(page.findElements(By.cssSelector(rowOf("checkbacks-table", unknown)))).hasSize(1);
        });
        assertThat(page.findElements(By.cssSelector(rowOf("checkbacks-table", confirmed)))).isEmpty();
        assertThat(page.findElement(By.cssSelector(rowOf("checkbacks-table", unknown))).getText())
                .as("the broker that asked, by its address").containsPattern("\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+");
        screenshot(page, "checkbacks-unknown");

        choose(page, "checkbacks-answer", "");

        await().atMost(SHOWN).ignoreExceptions().untilAsserted(() -> assertThat(
                page.findElements(By.cssSelector(rowOf("checkbacks-table", unknown))))
                .extracting(row -> row.getAttribute("data-answer") + " #" + row.getAttribute("data-attempt"))
                .contains("UNKNOWN #1", "COMMIT #2"));
    }

    @Test
    void theFaultPointsViewArmsAndDisarmsWithTheAdminTokenOnEachService() throws IOException {
        WebDriver page = browser.open(console + "#/faults");
        page.findElement(By.id("admin-token")).clear();
        page.findElement(By.id("faults-reload")).click();
        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElement(By.id("faults-problem")).getText()
                .contains("401"));

        typeToken(page);
        page.findElement(By.id("faults-reload")).click();
        await().atMost(SHOWN).ignoreExceptions().until(() -> !page.findElements(
                By.cssSelector("#faults-point option[value='order.check-back']")).isEmpty());
        choose(page, "faults-point", "order.check-back");
        choose(page, "faults-action", "unknown");
        page.findElement(By.cssSelector("#faults-arm button[type='submit']")).click();

        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElement(By.id("faults-state")).getText()
                .contains("order.check-back"));
        screenshot(page, "faults-armed");
        page.findElement(By.xpath("//div[@id='faults-state']//button[text()='Disarm']")).click();
        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElements(
                By.xpath("//div[@id='faults-state']//button[text()='Disarm']")).isEmpty());

        choose(page, "faults-service", "inventory");
        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElement(By.id("faults-state")).getText()
                .contains("inventory.consume"));
        assertThat(page.findElement(By.id("faults-problem")).isDisplayed()).isFalse();
    }

    @Test
    void theFlashSaleViewShowsRedisNextToTheDatabaseAndReconcilesOnDemand(PlatformClient api) throws IOException {
        String saleId = api.createFlashSale(Platform.ADMIN_TOKEN, 6, 3, Instant.now().minusSeconds(1),
                Instant.now().plus(Duration.ofHours(1))).text("saleId");
        WebDriver page = browser.open(console + "#/flash-sales");

        page.findElement(By.id("flash-id")).sendKeys(saleId);
        page.findElement(By.cssSelector("#flash-lookup button[type='submit']")).click();
        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElement(By.id("flash-list")).getText()
                .contains(saleId));
        assertThat(page.findElement(By.id("flash-list")).getText()).contains("redisRemaining", "orders confirmed");

        typeToken(page);
        page.findElement(By.xpath("//div[@id='flash-list']//button[text()='Reconcile now']")).click();
        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElement(By.id("flash-reconciliation"))
                .getText().contains("Reconciliation of " + saleId));
        assertThat(page.findElement(By.id("flash-problem")).isDisplayed()).isFalse();
        screenshot(page, "flash-sale");
    }

    @Test
    void theInFlightViewListsTheUndecidedHalfMessagesAndTheDeadLettersPerGroup() throws IOException {
        WebDriver page = browser.open(console + "#/in-flight");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> !page.findElements(
                By.cssSelector("#dead-letters-list table, #dead-letters-list p")).isEmpty()
                && !page.findElements(By.cssSelector("#in-flight-list table, #in-flight-list p")).isEmpty());
        assertThat(page.findElement(By.id("in-flight-problem")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("dead-letters-problem")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("dead-letters-list")).getText()).contains("dead letters", "not replayed");
        screenshot(page, "in-flight");
    }

    /** What the browser was given: a page of ours that runs no inline code and no one else's. */
    @Test
    void thePageIsHtmlWithItsSecurityHeaders() throws IOException {
        RawHttp.Response page = RawHttp.send(URI.create(console).getPort(),
                Request.of("GET", "/console").header("Accept", "text/html"));
        RawHttp.Response script = RawHttp.send(URI.create(console).getPort(),
                Request.of("GET", "/console/swimlane.js").header("Accept", "*/*"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body()).contains("<title>TxLab console</title>").doesNotContain("<script>", "http://", "https://");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Content-Security-Policy")).isNotBlank();
    }

    private static WebDriver swimlaneOf(String orderId) {
        WebDriver page = browser.open(console + "#/order/" + orderId);
        await().atMost(SHOWN).ignoreExceptions().until(() -> page.findElement(By.id("order-status"))
                .getText().contains(orderId) && !page.findElements(By.cssSelector("#swimlane .event")).isEmpty());
        return page;
    }

    private static void typeToken(WebDriver page) {
        WebElement token = page.findElement(By.id("admin-token"));
        token.clear();
        token.sendKeys(Platform.ADMIN_TOKEN);
    }

    private static void choose(WebDriver page, String select, String value) {
        page.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
    }

    private static int events(WebDriver page, String service, String step) {
        return page.findElements(By.cssSelector(
                "#swimlane .event[data-service='" + service + "'][data-step='" + step + "']")).size();
    }

    private static String statusInList(WebDriver page, String orderId) {
        return listRow(page, orderId).getAttribute("data-status");
    }

    private static WebElement listRow(WebDriver page, String orderId) {
        return page.findElement(By.cssSelector(rowOf(orderId)));
    }

    private static String rowOf(String orderId) {
        return rowOf("orders-table", orderId);
    }

    private static String rowOf(String table, String orderId) {
        return "#" + table + " tbody tr[data-order-id='" + orderId + "']";
    }

    private static boolean compensated(String entries) {
        return entries.contains("NOTHING_TO_UNDO")
                && (entries.contains("STOCK_RELEASED") || entries.contains("CANCELLED_BEFORE_APPLY"));
    }

    private static void screenshot(WebDriver page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try {
            byte[] png = ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (WebDriverException e) {
            throw new IOException("no screenshot " + name, e);
        }
    }
}
