package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnershipledger.platform.testing.Http;

/**
 * The board's web application in a real browser (headless chromium) against a real ledger on the embedded
 * PostgreSQL: both services in this JVM, the web application as a process from its built jar, as
 * {@code ./ledger up} runs it. One partnership life is recorded through the command API first; the scenarios then
 * read and act on it through the pages. Screenshots of each main page are saved to target/screenshots.
 *
 * <p>Chromium and its driver come from Debian ({@code apt-get install chromium chromium-driver}, as .ci/run does).
 * Without them this test fails, saying so: it never skips.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardWebIT {

    static final String CHROMIUM = System.getProperty("board.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("board.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    static ServiceProcess web;
    static PartnershipLife life;
    static String partnersOwn;
    static final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void startTheBoardsApplication() throws Exception {
        assertThat(new File(CHROMIUM).canExecute()).as("BoardWebIT needs Chromium at %s: install it with "
                + "`apt-get update && apt-get install -y chromium chromium-driver` (or set -Dboard.chromium)", CHROMIUM)
                .isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("BoardWebIT needs chromedriver at %s: install it with "
                + "`apt-get install -y chromium-driver` (or set -Dboard.chromedriver)", CHROMEDRIVER).isTrue();
        web = new ServiceProcess("board-web", "unused",
                "ledger.web.query-url=http://localhost:" + ledger.queryPort(),
                "ledger.web.command-url=http://localhost:" + ledger.commandPort()).start();
        life = new PartnershipLife(ledger.commands("manager")).live();
        // a second partnership, where the demo partner organisation is shortlisted: the partner's own
        Http manager = ledger.commands("manager");
        partnersOwn = manager.postJson("/api/partnerships", """
                {"name": "Service desk academy", "client": "Acme Retail", "vision": "First-call resolution",
                 "reason": "Too many escalations"}""").json().get("partnershipId").asText();
        assertThat(manager.postJson("/api/partnerships/" + partnersOwn + "/candidates",
                "{\"organizationId\": \"demo-partner\", \"name\": \"Demo Partner\", \"role\": \"TRAINING_PROVIDER\"}")
                .status()).isEqualTo(201);
        // the read models have it all: the concern is the life's last event, the shortlisting the partner's
        Http board = ledger.queries("board");
        board.await("/api/partnerships/" + life.partnershipId + "?minVersion=" + life.partnershipVersion,
                r -> r.status() == 200, Duration.ofSeconds(20));
        board.await("/api/partnerships/" + life.partnershipId + "/history?type=ConcernRaised",
                r -> r.status() == 200 && r.json().get("total").asInt() == 1, Duration.ofSeconds(20));
        board.await("/api/partnerships/" + partnersOwn + "/history",
                r -> r.status() == 200 && r.json().get("total").asInt() == 2, Duration.ofSeconds(20));
        web.awaitHealthy();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeTheBrowsers() {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) {
            web.close();
        }
    }

    @Test
    @Order(1)
    void aBoardMemberSignsInAndFindsThePivotWithItsReasonOnTheTimeline() {
        WebDriver board = signedIn("board");
        assertThat(board.findElement(By.tagName("h1")).getText()).isEqualTo("Partnerships");
        assertThat(board.findElement(By.id("results")).getText()).contains("Field sales academy", "Service desk academy");
        screenshot(board, "partnerships");

        board.findElement(By.linkText("Field sales academy")).click();
        waitFor(board).until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        assertThat(board.findElement(By.id("vision")).getText()).isEqualTo("Reps productive in 90 days");
        // the KPIs' latest results arrive just after the page
        waitFor(board).until(ExpectedConditions.textToBe(By.cssSelector("#kpi-rows .kpi-percent"), "70.0 %"));
        assertThat(board.findElement(By.id("since-last-review")).getText()).contains("Since the " + life.quarter);
        assertThat(board.findElement(By.id("audit-pack")).isDisplayed()).isTrue();
        // the newest change first: the concern raised last
        assertThat(board.findElement(By.cssSelector("ol.timeline li")).getAttribute("data-type"))
                .isEqualTo("ConcernRaised");
        assertThat(board.findElement(By.id("timeline-count")).getText()).startsWith("1–20 of");
        screenshot(board, "partnership");

        // a long history pages in place
        board.findElement(By.id("timeline-next")).click();
        waitFor(board).until(ExpectedConditions.textMatches(By.id("timeline-count"), java.util.regex.Pattern
                .compile("^21–.*")));

        // and filters: the pivot, with its reason, who and when
        board.findElement(By.id("f-type")).sendKeys("CurriculumPivoted");
        board.findElement(By.cssSelector("#timeline form button[type=submit]")).click();
        waitFor(board).until(ExpectedConditions.textToBe(By.id("timeline-count"), "1–1 of 1 changes"));
        WebElement pivot = board.findElement(By.cssSelector("ol.timeline li[data-type=CurriculumPivoted]"));
        assertThat(pivot.findElement(By.className("reason")).getText()).isEqualTo("Time to quota stalled");
        assertThat(pivot.getText()).contains("by manager");
        // every <time> reads in the browser's zone, with the exact instant on hover
        assertThat(pivot.findElement(By.tagName("time")).getAttribute("title")).endsWith("Z");
    }

    @Test
    @Order(2)
    void thePivotLogFiltersByTriggerAndTheGovernancePackPrints() {
        WebDriver board = signedIn("board");
        board.get(web("/pivots"));
        new org.openqa.selenium.support.ui.Select(board.findElement(By.id("trigger"))).selectByValue("KPI_GAP");
        board.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(board).until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"),
                "Time to quota stalled"));
        new org.openqa.selenium.support.ui.Select(board.findElement(By.id("trigger"))).selectByValue("REGULATION");
        board.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(board).until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No pivot matches"));

        board.get(web("/partnerships/" + life.partnershipId + "/governance-pack?period=" + life.quarter));
        assertThat(board.findElement(By.tagName("h1")).getText()).contains("Field sales academy", life.quarter);
        assertThat(board.findElement(By.id("main")).getText()).contains("Keep the AI module", "Late SME reviews");
        screenshot(board, "governance-pack");
    }

    @Test
    @Order(3)
    void theFormsAreLabelledAndThePagesFitAPhone() {
        WebDriver manager = signedIn("manager");
        manager.get(web("/programs/" + life.programId));
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) manager).executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]')) && !e.closest('label'))
                  .map(e => e.name || e.outerHTML);""");
        assertThat(unlabelled).as("every control has a label").isEmpty();
        manager.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/partnerships", "/partnerships/" + life.partnershipId, "/programs/" + life.programId)) {
            manager.get(web(page));
            long overflow = ((Number) ((JavascriptExecutor) manager).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertThat(overflow).as("%s scrolls sideways at phone width", page).isLessThanOrEqualTo(0);
        }
        screenshot(manager, "program-phone", 390);
    }

    @Test
    @Order(4)
    void timeTravelShowsTheCurriculumBeforeThePivot() {
        WebDriver board = signedIn("board");
        board.get(web("/programs/" + life.programId));
        assertThat(board.findElement(By.id("current-modules")).getText()).contains("Selling with AI")
                .doesNotContain("Role plays");
        board.get(web("/programs/" + life.programId + "?asOf=" + life.beforePivot));
        assertThat(board.findElement(By.id("as-of-banner")).getText()).startsWith("You are looking at the past: as of");
        assertThat(board.findElement(By.id("current-modules")).getText()).contains("Discovery", "Role plays")
                .doesNotContain("Selling with AI");
        screenshot(board, "program-as-of");
    }

    @Test
    @Order(5)
    void theScorecardShowsThePercentOfTarget() {
        String percent = ledger.queries("board").get("/api/programs/" + life.programId + "/impact").json()
                .get("kpis").get(0).get("percentOfTarget").asText();
        assertThat(percent).startsWith("70"); // baseline 120 days, target 90, latest 99: 21 of 30 days gained
        WebDriver board = signedIn("board");
        board.get(web("/programs/" + life.programId));
        assertThat(board.findElement(By.cssSelector("[data-kpi=ttq] .percent-of-target")).getText())
                .isEqualTo(percent + " % of target");
        assertThat(board.findElement(By.cssSelector("[data-kpi=ttq]")).findElements(By.cssSelector("svg.trend")))
                .isNotEmpty();
        screenshot(board, "program");
    }

    @Test
    @Order(6)
    void aPartnerSeesItsOwnPartnershipAndCannotOpenAnother() {
        WebDriver partner = signedIn("partner");
        String list = partner.findElement(By.id("results")).getText();
        assertThat(list).contains("Service desk academy").doesNotContain("Field sales academy");
        partner.get(web("/partnerships/" + life.partnershipId));
        assertThat(partner.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(partner.getPageSource()).doesNotContain("Field sales academy", "Time to quota stalled");
        partner.get(web("/partnerships/" + partnersOwn));
        assertThat(partner.findElement(By.id("partnership-name")).getText()).isEqualTo("Service desk academy");
        assertThat(partner.findElements(By.id("actions-title"))).as("a partner records no decisions here").isEmpty();
    }

    @Test
    @Order(7)
    void aPivotWithABlankReasonIsRefusedInlineAndRecordsNothing() throws InterruptedException {
        long before = eventCount();
        WebDriver manager = signedIn("manager");
        manager.get(web("/programs/" + life.programId));
        manager.findElement(By.id("pivot-add")).sendKeys("Negotiation basics");
        manager.findElement(By.id("pivot-approver")).sendKeys("CLO");
        manager.findElement(By.id("pivot-submit")).click();
        WebElement error = waitFor(manager).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("pivot-reason-error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(manager.findElement(By.id("pivot-reason")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(manager.findElement(By.id("pivot-add")).getAttribute("value")).isEqualTo("Negotiation basics");
        screenshot(manager, "pivot-refused");
        Thread.sleep(1_000);
        assertThat(eventCount()).as("a refused pivot records nothing").isEqualTo(before);
    }

    @Test
    @Order(8)
    void aValidPivotAppearsOnTheTimelineAndASecondSessionIsToldItIsStale() {
        WebDriver first = signedIn("manager");
        WebDriver second = signedIn("manager");
        first.get(web("/programs/" + life.programId));
        second.get(web("/programs/" + life.programId));
        String openedAt = first.findElement(By.id("program-version")).getText();

        fillPivot(first, "Reps ask for negotiation practice", "Negotiation basics");
        waitFor(first).until(ExpectedConditions.visibilityOfElementLocated(By.id("recorded")));
        fillPivot(second, "Add objection handling", "Objection handling");
        WebElement stale = waitFor(second).until(ExpectedConditions.visibilityOfElementLocated(By.id("pivot-stale")));
        assertThat(stale.getText()).startsWith("Someone else changed this program since you opened it (now version")
                .contains("nothing was recorded");
        assertThat(stale.getText()).doesNotContain("now version " + openedAt + ")");
        screenshot(second, "pivot-stale");

        first.get(web("/partnerships/" + life.partnershipId));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!first.findElement(By.id("timeline")).getText().contains("Reps ask for negotiation practice")) {
            assertThat(System.nanoTime()).as("the pivot on the timeline in time").isLessThan(deadline);
            first.navigate().refresh();
        }
        assertThat(first.findElement(By.id("timeline")).getText()).doesNotContain("Add objection handling");
    }

    private static void fillPivot(WebDriver browser, String reason, String module) {
        browser.findElement(By.id("pivot-reason")).sendKeys(reason);
        browser.findElement(By.id("pivot-add")).sendKeys(module);
        browser.findElement(By.id("pivot-approver")).sendKeys("Head of Sales");
        browser.findElement(By.id("pivot-submit")).click();
    }

    private static long eventCount() {
        return ledger.queries("board").get("/api/partnerships/" + life.partnershipId + "/history?size=1").json()
                .get("total").asLong();
    }

    private static WebDriver signedIn(String user) {
        WebDriver browser = browser();
        browser.get(web("/partnerships"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-demo");
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser).until(ExpectedConditions.urlContains("/partnerships"));
        return browser;
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static String web(String path) {
        return "http://localhost:" + web.port() + path;
    }

    private static void screenshot(WebDriver browser, String name) {
        screenshot(browser, name, 1280);
    }

    /** The whole page at the given width: the window grows to the page's height for the picture. */
    private static void screenshot(WebDriver browser, String name, int width) {
        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(4000, Math.max(900, height))));
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            browser.manage().window().setSize(new Dimension(width, 900));
        }
    }
}
