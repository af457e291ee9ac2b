package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnershipledger.client.command.PartnershipsApi;
import org.partnershipledger.client.command.ProgramsApi;
import org.partnershipledger.client.command.model.KpiRequest;
import org.partnershipledger.client.command.model.ModuleRequest;
import org.partnershipledger.client.command.model.OpenRequest;
import org.partnershipledger.client.command.model.PartnershipCreated;
import org.partnershipledger.client.command.model.ProgramCreated;
import org.partnershipledger.client.command.model.ProposeRequest;
import org.partnershipledger.client.query.HistoryApi;
import org.partnershipledger.client.query.model.History;
import org.partnershipledger.client.query.model.LoggedEvent;
import org.partnershipledger.client.query.model.PartnershipDetail;
import org.partnershipledger.client.query.model.ProgramDetail;

/**
 * The README's "Try it" tour, spoken only through the Java client generated from docs/openapi (api-client): if the
 * committed documents stop describing what the services do, this is where a client would notice. One method per
 * step, so a step is adapted alone when the documents get more precise types.
 */
class GeneratedClientIT {

    @RegisterExtension
    static final LedgerRunner ledger = new LedgerRunner();

    @Test
    void theReadmeTourThroughTheGeneratedClient() throws Exception {
        String partnershipId = openAPartnership();
        String programId = proposeAProgramInIt(partnershipId);

        History history = readItsHistory(partnershipId, 2);
        assertThat(history.getEvents()).extracting(LoggedEvent::getType)
                .containsExactly("PartnershipOpened", "ProgramProposed");
        assertThat(history.getEvents()).extracting(LoggedEvent::getReason)
                .containsExactly("Sales onboarding takes too long", "First cohort in Q3");
        assertThat(history.getEvents()).extracting(LoggedEvent::getActor).containsOnly("manager");

        PartnershipDetail partnership = readThePartnership(partnershipId);
        assertThat(partnership.getName()).isEqualTo("Field sales academy");
        assertThat(partnership.getStage()).isEqualTo(PartnershipDetail.StageEnum.SELECTION);
        assertThat(partnership.getPrograms()).hasSize(1);
        ProgramDetail program = readTheProgram(programId);
        assertThat(program.getTitle()).isEqualTo("Consultative selling");
        assertThat(program.getPartnershipId()).isEqualTo(partnershipId);
    }

    /** {@code POST /api/partnerships}: 201 with the new partnership's id and version 0. */
    private String openAPartnership() throws Exception {
        PartnershipCreated opened = new PartnershipsApi(commands("manager")).openPartnership(new OpenRequest()
                .name("Field sales academy").client("Acme Retail").vision("New reps productive in 90 days")
                .kpis(List.of(new KpiRequest().kpiId("ttq").name("Time to quota").unit("days")
                        .baseline(BigDecimal.valueOf(120)).target(BigDecimal.valueOf(90))
                        .dueDate(LocalDate.of(2027, 6, 30))))
                .reason("Sales onboarding takes too long"), null);
        assertThat(opened.getVersion()).isZero();
        return opened.getPartnershipId();
    }

    /** {@code POST /api/programs}, in the partnership just opened. */
    private String proposeAProgramInIt(String partnershipId) throws Exception {
        ProgramCreated proposed = new ProgramsApi(commands("manager")).proposeProgram(new ProposeRequest()
                .partnershipId(partnershipId).title("Consultative selling").objectives(List.of("Ask better questions"))
                .audience("New sales reps").kpiTargets(List.of("ttq"))
                .modules(List.of(new ModuleRequest().title("Discovery"))).reason("First cohort in Q3"), null);
        return proposed.getProgramId();
    }

    /** {@code GET /api/partnerships/{id}/history}, once the query side has projected {@code events} events. */
    private History readItsHistory(String partnershipId, int events) throws Exception {
        HistoryApi history = new HistoryApi(queries("board"));
        return eventually(() -> {
            History read = history.getPartnershipHistory(partnershipId, null, null, null, null, 0, 100);
            return read.getEvents().size() >= events ? read : null;
        });
    }

    /** {@code GET /api/partnerships/{id}?minVersion=0}: the board's view of it. */
    private PartnershipDetail readThePartnership(String partnershipId) throws Exception {
        var partnerships = new org.partnershipledger.client.query.PartnershipsApi(queries("board"));
        return eventually(() -> partnerships.getPartnership(partnershipId, null, 0L));
    }

    /** {@code GET /api/programs/{id}?minVersion=0}: the program's view. */
    private ProgramDetail readTheProgram(String programId) throws Exception {
        var programs = new org.partnershipledger.client.query.ProgramsApi(queries("board"));
        return eventually(() -> programs.getProgram(programId, null, null, 0L, null));
    }

    private static org.partnershipledger.client.command.invoker.ApiClient commands(String demoUser) {
        var client = new org.partnershipledger.client.command.invoker.ApiClient();
        client.updateBaseUri("http://localhost:" + ledger.commandPort());
        client.setRequestInterceptor(request -> request.header("Authorization", basic(demoUser)));
        return client;
    }

    private static org.partnershipledger.client.query.invoker.ApiClient queries(String demoUser) {
        var client = new org.partnershipledger.client.query.invoker.ApiClient();
        client.updateBaseUri("http://localhost:" + ledger.queryPort());
        client.setRequestInterceptor(request -> request.header("Authorization", basic(demoUser)));
        return client;
    }

    private static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder().encodeToString((demoUser + ":" + demoUser + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws Exception;
    }

    /** Reads are eventually consistent: asks again (a 404, or not there yet) for up to 10 s. */
    private static <T> T eventually(Read<T> read) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                T value = read.get();
                if (value != null) {
                    return value;
                }
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not there after 10 s");
            }
            Thread.sleep(50);
        }
    }
}
