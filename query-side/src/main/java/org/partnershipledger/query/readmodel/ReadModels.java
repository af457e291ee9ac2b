package org.partnershipledger.query.readmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every read model of the query side, found from the projections that declare one ({@link Owns} with their
 * {@code @ProcessingGroup}), and the {@link Tables} each projection is given: the live ones, or a rebuild's copies
 * when {@link Rebuilds} builds a second copy of the projection.
 */
@Component
public class ReadModels {

    /** Set while a rebuild's copies of projections are being built, on the thread building them. */
    private static final ThreadLocal<Boolean> BUILDING_REBUILD = new ThreadLocal<>();

    private final ConfigurableListableBeanFactory beans;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile Map<String, ReadModel> byProcessor;

    ReadModels(ConfigurableListableBeanFactory beans, JdbcClient jdbc, JdbcTemplate batch) {
        this.beans = beans;
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public List<ReadModel> all() {
        return List.copyOf(byProcessor().values());
    }

    public Optional<ReadModel> of(String processor) {
        return Optional.ofNullable(byProcessor().get(processor));
    }

    /** The live tables of {@code projection}'s read model, for the stores and queries that read them. */
    public Tables live(Class<?> projection) {
        return new Tables(jdbc, batch, TableNames.live(readModelOf(projection).tables()), processorOf(projection));
    }

    /** Second copies of the read model's projections, writing into the rebuild's copies of its tables. */
    List<Object> rebuildCopies(ReadModel readModel) {
        BUILDING_REBUILD.set(true);
        try {
            return readModel.projections().stream().map(type -> (Object) beans.createBean(type)).toList();
        } finally {
            BUILDING_REBUILD.remove();
        }
    }

    /** The tables {@code projection} is given: the live ones, or the rebuild's while its copy is being built. */
    Tables forProjection(Class<?> projection) {
        if (Boolean.TRUE.equals(BUILDING_REBUILD.get())) {
            return new Tables(jdbc, batch, TableNames.next(readModelOf(projection).tables()),
                    processorOf(projection) + Rebuilds.SUFFIX);
        }
        return new Tables(jdbc, batch, TableNames.live(readModelOf(projection).tables()), processorOf(projection));
    }

    /** The whole read model's tables: a projection may read what another projection of its read model wrote. */
    private ReadModel readModelOf(Class<?> projection) {
        return of(processorOf(projection)).orElseThrow();
    }

    private static String processorOf(Class<?> projection) {
        ProcessingGroup group = projection.getAnnotation(ProcessingGroup.class);
        if (group == null || projection.getAnnotation(Owns.class) == null) {
            throw new IllegalStateException(projection.getName()
                    + " is not a projection of a read model: it needs @ProcessingGroup and @Owns to get Tables");
        }
        return group.value();
    }

    private Map<String, ReadModel> byProcessor() {
        Map<String, ReadModel> found = byProcessor;
        if (found == null) {
            Map<String, Set<String>> tables = new LinkedHashMap<>();
            Map<String, List<Class<?>>> projections = new LinkedHashMap<>();
            for (String name : beans.getBeanNamesForAnnotation(Owns.class)) {
                Class<?> type = ClassUtils.getUserClass(beans.getType(name));
                String processor = processorOf(type);
                tables.computeIfAbsent(processor, p -> new LinkedHashSet<>())
                        .addAll(Arrays.asList(type.getAnnotation(Owns.class).value()));
                projections.computeIfAbsent(processor, p -> new ArrayList<>()).add(type);
            }
            found = new LinkedHashMap<>();
            for (String processor : tables.keySet()) {
                found.put(processor, new ReadModel(processor, List.copyOf(tables.get(processor)),
                        projections.get(processor)));
            }
            byProcessor = found;
        }
        return found;
    }
}
