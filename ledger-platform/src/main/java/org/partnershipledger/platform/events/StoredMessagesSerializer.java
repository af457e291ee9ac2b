package org.partnershipledger.platform.events;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nonnull;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, reading the same JSON into the same objects, without the lookups it makes again for
 * every message: it finds the class by name ({@code Class.forName}), makes a new reader for it, and reads metadata
 * through a deserializer that looks up the map type's deserializer each time. In a replay these were a fifth of the
 * reading thread's time. Here a class, a reader and the metadata's map reader are looked up once and kept (readers
 * are immutable and shared between threads).
 *
 * <p>What is read does not change: classes this version does not know are still {@link UnknownSerializedType} (and
 * are not kept, so a class that appears later is found), and anything that is not the stored bytes, or that Axon
 * reads otherwise, goes through Axon's own code.
 */
public final class StoredMessagesSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ObjectReader metaData;

    private StoredMessagesSerializer(Builder builder) {
        super(builder);
        JavaType map = getObjectMapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class);
        this.metaData = getObjectMapper().readerFor(map);
    }

    /** The same serializer as {@code axon}: its mapper, converter and revision resolver. */
    public static StoredMessagesSerializer of(JacksonSerializer axon, RevisionResolver revisions) {
        return new StoredMessagesSerializer(JacksonSerializer.builder()
                .objectMapper(axon.getObjectMapper())
                .converter(axon.getConverter())
                .revisionResolver(revisions));
    }

    @Override
    public Class classForType(@Nonnull SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(@Nonnull SerializedObject<S> serialized) {
        if (serialized.getData() instanceof byte[] bytes && classForType(serialized.getType()) == MetaData.class) {
            try {
                return (T) MetaData.from(metaData.<Map<String, Object>>readValue(bytes));
            } catch (IOException e) {
                throw new SerializationException("Error while deserializing object", e);
            }
        }
        return super.deserialize(serialized);
    }
}
