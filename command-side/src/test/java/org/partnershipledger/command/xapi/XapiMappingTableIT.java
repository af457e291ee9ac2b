package org.partnershipledger.command.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.program.CurationApproach;
import org.partnershipledger.events.program.ContentCurated;
import org.partnershipledger.events.program.CurationRetired;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.XapiMappingSet;
import org.partnershipledger.events.program.XapiMeasure;
import org.partnershipledger.events.program.XapiRule;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The command side's table of mappings and curations: each handler, a redelivery included, changes it once. */
@SpringBootTest(properties = {"spring.config.name=command-side"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class XapiMappingTableIT {

    static final ProgramId PROGRAM = new ProgramId("prog-table-1");

    @Autowired
    XapiMappingTable table;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMappingIsKeptOnceAndReplacedWhole() throws Exception {
        XapiMappingSet first = new XapiMappingSet(PROGRAM, List.of("http://lms.example.com/c/1"), List.of(),
                List.of(new XapiRule("http://adlnet.gov/expapi/verbs/passed", "ttq", 2, XapiMeasure.COUNT, null,
                        null)), false);
        table.on(first);
        table.on(first);
        assertThat(table.all()).containsExactly(first);

        XapiMappingSet second = new XapiMappingSet(PROGRAM, List.of("http://lms.example.com/c/2"), List.of(),
                first.rules(), true);
        table.on(second);
        table.on(second);
        assertThat(table.all()).containsExactly(second);
    }

    @Test
    void curationsAreMatchedByUriUntilRetired() {
        ContentCurated curated = new ContentCurated(PROGRAM, "c-1", CurationApproach.MOOC, "Negotiation basics",
                "https://www.coursera.org/learn/negotiation", "Coursera", "Sales EMEA", "Maria", "Negotiation", null,
                "Short", List.of(), null);
        table.on(curated);
        table.on(curated);
        assertThat(table.curationsOf("https://www.coursera.org/learn/negotiation"))
                .containsExactly(new XapiMappingTable.Curation(PROGRAM.value(), "c-1"));

        CurationRetired retired = new CurationRetired(PROGRAM, "c-1", "Withdrawn", List.of(), null);
        table.on(retired);
        table.on(retired);
        assertThat(table.curationsOf("https://www.coursera.org/learn/negotiation")).isEmpty();
    }
}
