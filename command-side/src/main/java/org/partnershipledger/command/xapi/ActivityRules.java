package org.partnershipledger.command.xapi;

import static org.partnershipledger.command.xapi.JsonRules.fail;
import static org.partnershipledger.command.xapi.JsonRules.onlyProperties;
import static org.partnershipledger.command.xapi.JsonRules.requireObject;
import static org.partnershipledger.command.xapi.JsonRules.requireString;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Activities and their definitions, attachments, language maps and extensions, as xAPI defines them. */
final class ActivityRules {

    private ActivityRules() {
    }

    static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");

    static void activity(JsonNode activity, String path) {
        requireObject(activity, path);
        onlyProperties(activity, path, "objectType", "id", "definition");
        if (!XapiFormats.iri(requireString(activity.get("id"), path + ".id"))) {
            fail(path + ".id", "an Activity's id must be an absolute IRI");
        }
        if (activity.has("definition")) {
            definition(activity.get("definition"), path + ".definition");
        }
    }

    static void definition(JsonNode definition, String path) {
        requireObject(definition, path);
        onlyProperties(definition, path, "name", "description", "type", "moreInfo", "extensions", "interactionType",
                "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
        for (String map : new String[] {"name", "description"}) {
            if (definition.has(map)) {
                languageMap(definition.get(map), path + "." + map);
            }
        }
        if (definition.has("type") && !XapiFormats.iri(requireString(definition.get("type"), path + ".type"))) {
            fail(path + ".type", "must be an absolute IRI");
        }
        if (definition.has("moreInfo")
                && !XapiFormats.irl(requireString(definition.get("moreInfo"), path + ".moreInfo"))) {
            fail(path + ".moreInfo", "must be an IRL (an http or https address)");
        }
        if (definition.has("extensions")) {
            extensions(definition.get("extensions"), path + ".extensions");
        }
        boolean interaction = definition.has("interactionType");
        if (interaction && !INTERACTION_TYPES.contains(requireString(definition.get("interactionType"),
                path + ".interactionType"))) {
            fail(path + ".interactionType", "must be one of " + INTERACTION_TYPES);
        }
        if (definition.has("correctResponsesPattern")) {
            JsonNode pattern = definition.get("correctResponsesPattern");
            if (!pattern.isArray()) {
                fail(path + ".correctResponsesPattern", "must be an array of strings");
            }
            for (int i = 0; i < pattern.size(); i++) {
                requireString(pattern.get(i), path + ".correctResponsesPattern[" + i + "]");
            }
        }
        for (String list : new String[] {"choices", "scale", "source", "target", "steps"}) {
            if (!definition.has(list)) {
                continue;
            }
            String at = path + "." + list;
            if (!interaction) {
                fail(at, "interaction components need an interactionType");
            }
            JsonNode components = definition.get(list);
            if (!components.isArray()) {
                fail(at, "must be an array of interaction components");
            }
            for (int i = 0; i < components.size(); i++) {
                JsonNode component = requireObject(components.get(i), at + "[" + i + "]");
                onlyProperties(component, at + "[" + i + "]", "id", "description");
                requireString(component.get("id"), at + "[" + i + "].id");
                if (component.has("description")) {
                    languageMap(component.get("description"), at + "[" + i + "].description");
                }
            }
        }
    }

    static void attachments(JsonNode attachments, String path) {
        if (!attachments.isArray()) {
            fail(path, "must be an array");
        }
        for (int i = 0; i < attachments.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode attachment = requireObject(attachments.get(i), at);
            onlyProperties(attachment, at, "usageType", "display", "description", "contentType", "length", "sha2",
                    "fileUrl");
            if (!XapiFormats.iri(requireString(attachment.get("usageType"), at + ".usageType"))) {
                fail(at + ".usageType", "must be an absolute IRI");
            }
            languageMap(attachment.get("display"), at + ".display");
            if (attachment.has("description")) {
                languageMap(attachment.get("description"), at + ".description");
            }
            requireString(attachment.get("contentType"), at + ".contentType");
            if (attachment.get("length") == null || !attachment.get("length").canConvertToLong()
                    || !attachment.get("length").isIntegralNumber()) {
                fail(at + ".length", "must be a whole number of octets");
            }
            requireString(attachment.get("sha2"), at + ".sha2");
            if (!attachment.has("fileUrl")) {
                fail(at + ".fileUrl", "is required here: this LRS takes no multipart attachments");
            }
            if (!XapiFormats.irl(requireString(attachment.get("fileUrl"), at + ".fileUrl"))) {
                fail(at + ".fileUrl", "must be an IRL (an http or https address)");
            }
        }
    }

    static void languageMap(JsonNode map, String path) {
        if (map == null) {
            fail(path, "is required");
        }
        requireObject(map, path);
        map.fieldNames().forEachRemaining(tag -> {
            if (!XapiFormats.languageTag(tag)) {
                fail(path + "." + tag, "a language map's keys must be RFC 5646 language tags");
            }
            requireString(map.get(tag), path + "." + tag);
        });
    }

    static void extensions(JsonNode extensions, String path) {
        requireObject(extensions, path);
        extensions.fieldNames().forEachRemaining(key -> {
            if (!XapiFormats.iri(key)) {
                fail(path + "." + key, "an extension's key must be an absolute IRI");
            }
        });
    }
}
