package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every type an API answers or takes has a name of its own in the OpenAPI documents. The generator names a schema
 * after its class's simple name and keeps one schema per name, so two classes with one name would silently share the
 * first one's schema, and a client generated from the document would read one of them wrongly.
 */
class SchemaNamesTest {

    @Test
    void noTwoTypesOfAnApiShareASchemaName() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> types = new HashSet<>();
        int endpoints = 0;
        for (BeanDefinition definition : scanner.findCandidateComponents("org.partnershipledger")) {
            for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                endpoints++;
                collect(method.getGenericReturnType(), types);
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
                        collect(method.getGenericParameterTypes()[i], types);
                    }
                }
            }
        }
        Map<String, Set<String>> byName = new TreeMap<>();
        for (Class<?> type : types) {
            Schema schema = type.getAnnotation(Schema.class);
            String name = schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
            byName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.getName());
        }
        assertThat(endpoints).as("endpoints found").isGreaterThan(50);
        assertThat(byName.values()).as("schema names given to more than one class").allMatch(classes -> classes.size() == 1);
    }

    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> type1) || !type1.getName().startsWith("org.partnershipledger")
                || type1.getTypeParameters().length > 0 || !seen.add(type1)) {
            if (type instanceof Class<?> generic && generic.getName().startsWith("org.partnershipledger")
                    && generic.getTypeParameters().length > 0) {
                fieldsOf(generic, seen);
            }
            return;
        }
        fieldsOf(type1, seen);
    }

    private static void fieldsOf(Class<?> type, Set<Class<?>> seen) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                collect(component.getGenericType(), seen);
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers()) && !Modifier.isStatic(field.getModifiers())) {
                    collect(field.getGenericType(), seen);
                }
            }
        }
    }
}
