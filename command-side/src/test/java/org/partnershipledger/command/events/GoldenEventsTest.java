package org.partnershipledger.command.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ProgramEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every event type's stored JSON, kept as a golden fixture ({@value #FOLDER}/<EventSimpleName>.r<revision>.json), is
 * read back through the services' own serializer and upcaster chain into today's class. A fixture is the payload as
 * the event store holds it; a fixture of an older revision stays forever, so its upcaster keeps being tested. The
 * event types are found by scanning shared-events, so a new one without a fixture fails here.
 *
 * <p>The fixture of the current revision is also written back and must give the same JSON: when an optional field is
 * appended to an event, that fixture gains the field, and the JSON stored before it stays as a variant,
 * {@code <EventSimpleName>.r<revision>.<what-it-is>.json} (e.g. {@code ConcernRaised.r1.before-partner.json}), which
 * must still read.
 */
class GoldenEventsTest {

    static final String FOLDER = "golden-events";
    private static final String FIXTURES = "command-side/src/test/resources/" + FOLDER + "/";
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]+)\\.r([0-9]+)(\\.[a-z0-9-]+)?\\.json");
    /** Reads JSON trees keeping decimals exact (12500.50 stays 12500.50), as money is stored. */
    private static final ObjectMapper TREES = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    static ProductionSerialization production;

    @BeforeAll
    static void start() {
        production = ProductionSerialization.start();
    }

    @AfterAll
    static void stop() {
        production.close();
    }

    @Test
    void everyEventTypeHasAFixtureOfItsCurrentRevision() throws IOException {
        Map<String, Fixture> fixtures = fixtures();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : eventTypes().values()) {
            String file = type.getSimpleName() + ".r" + revisionOf(type) + ".json";
            if (!fixtures.containsKey(file)) {
                missing.add(FIXTURES + file);
            }
        }
        assertThat(missing).as("""
                Each event type needs its stored JSON at its current revision as a golden fixture: the payload exactly \
                as the event store holds it (Jackson's JSON of the record, nulls included), with realistic values. \
                Add these files""").isEmpty();
    }

    @Test
    void everyFixtureNamesAnEventTypeAtARevisionItHadOrHas() throws IOException {
        Map<String, Class<?>> types = eventTypes();
        for (Fixture fixture : fixtures().values()) {
            Class<?> type = types.get(fixture.event());
            assertThat(type).as("%s names no event type of shared-events", fixture.file()).isNotNull();
            assertThat(fixture.revision()).as("%s is newer than %s's @Revision", fixture.file(), fixture.event())
                    .isLessThanOrEqualTo(Integer.parseInt(revisionOf(type)));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureReadsBackAsTodaysEvent() throws IOException {
        Map<String, Class<?>> types = eventTypes();
        return fixtures().values().stream().map(fixture -> DynamicTest.dynamicTest(fixture.file(), () -> {
            Class<?> type = types.get(fixture.event());
            Object event = production.read(type.getName(), String.valueOf(fixture.revision()), fixture.bytes());
            assertThat(event).as(fixture.file()).isInstanceOf(type);
            if (!fixture.variant() && String.valueOf(fixture.revision()).equals(revisionOf(type))) {
                SerializedObject<byte[]> written = production.eventSerializer.serialize(event, byte[].class);
                assertThat(written.getType().getRevision()).isEqualTo(revisionOf(type));
                assertThat(TREES.readTree(written.getData())).as("""
                                %s written back: the JSON the event store now holds for this event. If a field was \
                                appended, add it to %s%s and keep the JSON stored before as a variant, \
                                %s.r%d.<what-it-is>.json""", fixture.file(), FIXTURES, fixture.file(), fixture.event(),
                                fixture.revision())
                        .isEqualTo(TREES.readTree(fixture.bytes()));
            }
        }));
    }

    /** A field this version does not know (written by a newer one) is ignored, never a reason to fail. */
    @TestFactory
    Stream<DynamicTest> everyCurrentFixtureReadsBackWithAFieldAddedLater() throws IOException {
        Map<String, Class<?>> types = eventTypes();
        return fixtures().values().stream()
                .filter(fixture -> !fixture.variant()
                        && String.valueOf(fixture.revision()).equals(revisionOf(types.get(fixture.event()))))
                .map(fixture -> DynamicTest.dynamicTest(fixture.file(), () -> {
                    Class<?> type = types.get(fixture.event());
                    ObjectNode withMore = (ObjectNode) TREES.readTree(fixture.bytes());
                    withMore.put("addedInAFutureVersion", "ignored").putObject("nested").put("too", 1);
                    Object expected = production.read(type.getName(), String.valueOf(fixture.revision()),
                            fixture.bytes());
                    Object read = production.read(type.getName(), String.valueOf(fixture.revision()),
                            TREES.writeValueAsBytes(withMore));
                    assertThat(read).isEqualTo(expected);
                }));
    }

    /** Every record implementing PartnershipEvent or ProgramEvent in shared-events, by simple name. */
    static Map<String, Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PartnershipEvent.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(ProgramEvent.class));
        Map<String, Class<?>> types = new TreeMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.partnershipledger.events")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (type.isRecord()) {
                    types.put(type.getSimpleName(), type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(types).as("event records found in shared-events").hasSizeGreaterThan(20);
        return types;
    }

    static String revisionOf(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        assertThat(revision).as("%s carries @Revision", type.getSimpleName()).isNotNull();
        return revision.value();
    }

    static Map<String, Fixture> fixtures() throws IOException {
        Map<String, Fixture> fixtures = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + FOLDER + "/*.json")) {
            Matcher name = NAME.matcher(resource.getFilename());
            assertThat(name.matches()).as("%s is named <EventSimpleName>.r<revision>[.<variant>].json",
                    resource.getFilename()).isTrue();
            try (var in = resource.getInputStream()) {
                fixtures.put(resource.getFilename(), new Fixture(resource.getFilename(), name.group(1),
                        Integer.parseInt(name.group(2)), name.group(3) != null, in.readAllBytes()));
            }
        }
        return fixtures;
    }

    /** A fixture; a variant is an older stored form of the same revision, read but not written back. */
    record Fixture(String file, String event, int revision, boolean variant, byte[] bytes) {
        @Override
        public String toString() {
            return file + ": " + new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
