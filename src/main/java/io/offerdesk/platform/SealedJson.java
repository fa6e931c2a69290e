package io.offerdesk.platform;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON for sealed hierarchies of records that modules store or publish in events (offer terms, agreement states):
 * each value carries its record's simple name in {@code @type}, and reads back as that record. The domain types stay
 * free of Jackson annotations; a module registers its roots as a bean.
 */
public final class SealedJson {

    private SealedJson() {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    private interface Typed {}

    /** A Jackson module that writes and reads every permitted record under the given sealed roots. */
    public static SimpleModule module(String name, Class<?>... sealedRoots) {
        var module = new SimpleModule(name);
        for (var root : sealedRoots) {
            if (!root.isSealed()) {
                throw new IllegalArgumentException(root + " is not sealed");
            }
            module.setMixInAnnotation(root, Typed.class);
            register(module, root);
        }
        return module;
    }

    private static void register(SimpleModule module, Class<?> type) {
        var permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            module.registerSubtypes(new NamedType(type, type.getSimpleName()));
            return;
        }
        for (var subtype : permitted) {
            register(module, subtype);
        }
    }
}
