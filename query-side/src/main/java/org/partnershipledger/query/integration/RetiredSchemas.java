package org.partnershipledger.query.integration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnershipledger.query.history.EventTypes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas of event type versions no longer current, kept in {@value #FOLDER}/ as they were served: an
 * integration built against {@code ledger.partnership.due-diligence-assessed.v1} can still read what v1 was. Events
 * of a retired revision are delivered in the current one's shape (Axon upcasts them when they are read), so no event
 * leaves the ledger as a retired type any more. When an event's {@code @Revision} goes up, its previous version's
 * schema is added here (generated from the record before it changes); {@code RetiredSchemasTest} asks for it.
 */
@Component
class RetiredSchemas {

    static final String FOLDER = "event-schemas";
    private static final Pattern NAME = Pattern.compile("(ledger\\.[a-z0-9-]+\\.[a-z0-9-]+\\.v([0-9]+))\\.json");

    /** One retired version: its CloudEvents type, event name, revision and the schema of its data. */
    record Retired(String type, String event, String revision, Map<String, Object> data) {
    }

    private final Map<String, Retired> byType = new TreeMap<>();

    RetiredSchemas(EventTypes types) {
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + FOLDER + "/*.json")) {
                Matcher name = NAME.matcher(resource.getFilename());
                if (!name.matches()) {
                    throw new IllegalStateException(resource.getFilename() + " is not named <type>.json");
                }
                if (types.byCloudEventType(name.group(1)).isPresent()) {
                    continue; // kept ahead of a revision still current: the record itself is its schema
                }
                try (InputStream in = resource.getInputStream()) {
                    Map<String, Object> data = json.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
                    });
                    byType.put(name.group(1), new Retired(name.group(1), String.valueOf(data.get("title")),
                            name.group(2), data));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the retired event schemas", e);
        }
    }

    Optional<Retired> byType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    Collection<Retired> all() {
        return byType.values();
    }
}
