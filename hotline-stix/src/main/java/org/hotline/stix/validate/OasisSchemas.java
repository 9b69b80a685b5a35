package org.hotline.stix.validate;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.stix.mapping.HotlineExtension;

/**
 * The official OASIS STIX 2.1 JSON schemas ({@code oasis-open/cti-stix2-json-schemas@3bf9e69}, BSD-3,
 * copied under {@code org/hotline/stix/schemas/} with their LICENSE), preloaded into one
 * draft 2020-12 registry under their published {@code $id}s so every relative {@code $ref} resolves
 * from the jar: validation never touches the network. Also Hotline's extension schema.
 *
 * <p>The files are listed here by name rather than discovered, so a missing or extra file is a
 * visible change. One schema per STIX type; a type without one (a custom object) is checked against
 * {@code core.json} when it has {@code created} (SDO-like) and {@code cyber-observable-core.json}
 * otherwise, as {@code bundle.json} does for custom objects.
 *
 * <p>Hazard: construction compiles ~60 schemas (about a second); build one and share it (it is
 * thread-safe once built).
 */
final class OasisSchemas {
    static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String RESOURCES = "/org/hotline/stix/schemas/";
    private static final Map<String, List<String>> FILES = Map.of(
            "common", List.of("binary", "bundle", "core", "cyber-observable-core", "dictionary", "extension",
                    "extension-definition", "external-reference", "granular-marking", "hashes-type", "hex", "identifier",
                    "kill-chain-phase", "language-content", "marking-definition", "properties", "timestamp", "url-regex"),
            "sdos", List.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident",
                    "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note",
                    "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability"),
            "sros", List.of("relationship", "sighting"),
            "observables", List.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
                    "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process",
                    "software", "url", "user-account", "windows-registry-key", "x509-certificate"));
    /** The {@code common/} schemas that validate a whole object of their type. */
    private static final List<String> COMMON_TYPES = List.of("bundle", "extension-definition", "language-content",
            "marking-definition");

    private final Map<String, Schema> byType = new HashMap<>();
    private final Schema core;
    private final Schema observableCore;
    private final Schema hotlineExtension;

    OasisSchemas() {
        Map<String, String> texts = new HashMap<>();
        FILES.forEach((dir, names) -> names.forEach(n -> texts.put(BASE + dir + "/" + n + ".json", read(dir + "/" + n + ".json"))));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemas(texts)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                        .regularExpressionFactory(new MemoizedRegularExpressions()).build()));
        FILES.forEach((dir, names) -> {
            for (String n : names) {
                if (!dir.equals("common") || COMMON_TYPES.contains(n)) {
                    byType.put(n, compiled(registry, BASE + dir + "/" + n + ".json"));
                }
            }
        });
        core = compiled(registry, BASE + "common/core.json");
        observableCore = compiled(registry, BASE + "common/cyber-observable-core.json");
        hotlineExtension = registry.getSchema(HotlineExtension.schema());
        hotlineExtension.initializeValidators();
    }

    /** The schema for objects of {@code type}; see the class comment for custom types. */
    Schema forObject(String type, boolean hasCreated) {
        return Optional.ofNullable(byType.get(type)).orElse(hasCreated ? core : observableCore);
    }

    boolean isStandardType(String type) {
        return byType.containsKey(type);
    }

    Schema hotlineExtension() {
        return hotlineExtension;
    }

    private static Schema compiled(SchemaRegistry registry, String iri) {
        Schema s = registry.getSchema(SchemaLocation.of(iri));
        s.initializeValidators();
        return s;
    }

    private static String read(String path) {
        try (InputStream in = OasisSchemas.class.getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IllegalStateException("missing STIX schema resource " + RESOURCES + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading STIX schema " + path, e);
        }
    }
}
