package org.partnershipledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.ConcernRaised;
import org.partnershipledger.events.partnership.Kpi;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.partnership.ReviewAction;
import org.partnershipledger.events.partnership.Side;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;

/**
 * Stored events are read for as long as the ledger lives: JSON written as revision 1 must keep reading back to
 * the same event. The texts below are what the event store holds.
 */
class StoredEventJsonTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void aStoredPartnershipOpenedRevision1ReadsBack() throws Exception {
        String stored = """
                {"partnershipId":"p-1","name":"Field sales academy","client":"Acme Retail",
                 "vision":"Reps productive in 90 days",
                 "kpis":[{"kpiId":"ttq","name":"Time to quota","unit":"days","baseline":120,"target":90,
                          "dueDate":"2027-06-30"}]}""";

        PartnershipOpened event = JSON.readValue(stored, PartnershipOpened.class);

        assertThat(event).isEqualTo(new PartnershipOpened(new PartnershipId("p-1"), "Field sales academy",
                "Acme Retail", "Reps productive in 90 days", List.of(new Kpi("ttq", "Time to quota", "days",
                new BigDecimal("120"), new BigDecimal("90"), LocalDate.parse("2027-06-30")))));
    }

    @Test
    void aStoredProgramProposedRevision1ReadsBack() throws Exception {
        String stored = """
                {"programId":"prog-1","partnershipId":"p-1","title":"Consultative selling",
                 "objectives":["Ask better questions"],"audience":"New reps","kpiTargets":["ttq"],
                 "modules":[{"moduleId":"m-1","title":"Discovery"}],"curriculumVersion":1}""";

        ProgramProposed event = JSON.readValue(stored, ProgramProposed.class);

        assertThat(event).isEqualTo(new ProgramProposed(new ProgramId("prog-1"), new PartnershipId("p-1"),
                "Consultative selling", List.of("Ask better questions"), "New reps", List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1));
    }

    @Test
    void aConcernRaisedStoredBeforeItNamedAPartnerReadsBackNamingNone() throws Exception {
        String stored = """
                {"partnershipId":"p-1","concernId":"k-1","raisedBy":"PARTNER","subject":"Late brief",
                 "description":"The brief came two weeks late"}""";

        ConcernRaised event = JSON.readValue(stored, ConcernRaised.class);

        assertThat(event).isEqualTo(new ConcernRaised(new PartnershipId("p-1"), "k-1", Side.PARTNER, "Late brief",
                "The brief came two weeks late", null));
    }

    @Test
    void aBusinessReviewReadsItsTrackedActionsAndStillReadsPlainTextOnes() throws Exception {
        String revision2 = """
                {"partnershipId":"p-1","period":"2026-Q3","attendees":["CLO"],"decisions":[],
                 "actions":[{"actionId":"2026-Q3-1","description":"Measure","ownerSide":"CLIENT","owner":"CLO",
                             "dueDate":"2026-10-31"}]}""";
        String revision1 = """
                {"partnershipId":"p-1","period":"2026-Q3","attendees":["CLO"],"decisions":[],"actions":["Measure"]}""";

        assertThat(JSON.readValue(revision2, BusinessReviewHeld.class).actions()).containsExactly(
                new ReviewAction("2026-Q3-1", "Measure", Side.CLIENT, "CLO", LocalDate.parse("2026-10-31")));
        assertThat(JSON.readValue(revision1, BusinessReviewHeld.class).actions()).containsExactly(
                new ReviewAction(null, "Measure", null, null, null));
        assertThat(JSON.writeValueAsString(new ReviewAction("2026-Q3-1", "Measure", Side.CLIENT, "CLO", null)))
                .isEqualTo("{\"actionId\":\"2026-Q3-1\",\"description\":\"Measure\",\"ownerSide\":\"CLIENT\","
                        + "\"owner\":\"CLO\",\"dueDate\":null}");
    }

    @Test
    void idsAreWrittenAsPlainStrings() throws Exception {
        String json = JSON.writeValueAsString(new PartnershipOpened(new PartnershipId("p-1"), "N", "C", null,
                List.of()));

        assertThat(json).contains("\"partnershipId\":\"p-1\"");
    }

    @Test
    void aBlankIdIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProgramId(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
