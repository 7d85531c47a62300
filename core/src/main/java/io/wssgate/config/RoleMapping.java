package io.wssgate.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where roles come from: the values of the named SAML attributes, and a table from certificate
 * subject DN (RFC 2253 form, compared after normalisation) to roles.
 */
public record RoleMapping(List<String> samlAttributes, Map<String, Set<String>> certificateSubjects) {
    public RoleMapping {
        samlAttributes = List.copyOf(samlAttributes);
        certificateSubjects = Map.copyOf(certificateSubjects);
    }

    public static RoleMapping none() {
        return new RoleMapping(List.of(), Map.of());
    }
}
