package io.kumo.api.baseline;

import io.kumo.api.baseline.ApiSnapshot.PackageApi;
import io.kumo.api.baseline.ApiSnapshot.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the current API with the baseline, package by package, under OSGi semantic versioning: a signature
 * removed or changed needs a higher major version, a signature added a higher minor (or major) version; a version
 * changed without API change is fine, a version lowered is not. A removed package always fails; a new one passes.
 *
 * @param packages what changed, per package that differs in signatures or version (sorted by name)
 */
public record ApiComparison(List<PackageChange> packages) {
    /** The command that regenerates the baseline. */
    public static final String UPDATE_COMMAND = "mvn -o -pl plugin-api test -Dkumo.api.update=true";

    /** Canonical constructor: copies the list. */
    public ApiComparison {
        packages = List.copyOf(packages);
    }

    /**
     * What changed in one package.
     *
     * @param name     the package
     * @param baseline its version in the baseline, or null for a new package
     * @param current  its version now, or null for a removed package
     * @param removed  signatures only the baseline has (and not changed ones)
     * @param added    signatures only the current API has (and not changed ones)
     * @param changed  baseline signature → current signature, for members whose declaration changed
     * @param problem  why this breaks the rule, or null if it is fine
     */
    public record PackageChange(String name, Version baseline, Version current, SortedSet<String> removed,
                                SortedSet<String> added, Map<String, String> changed, String problem) {
        /** @return true if this package fails the check */
        public boolean failed() { return problem != null; }
    }

    /**
     * @param baseline the released API (api-baseline.txt)
     * @param current  the API as compiled now
     * @return the comparison
     */
    public static ApiComparison compare(ApiSnapshot baseline, ApiSnapshot current) {
        Set<String> names = new TreeSet<>(baseline.packages().keySet());
        names.addAll(current.packages().keySet());
        List<PackageChange> changes = new ArrayList<>();
        for (String name : names) {
            PackageApi was = baseline.packages().get(name);
            PackageApi now = current.packages().get(name);
            if (was == null) {
                changes.add(new PackageChange(name, null, now.version(), new TreeSet<>(), new TreeSet<>(now.signatures()), Map.of(), null));
                continue;
            }
            if (now == null) {
                changes.add(new PackageChange(name, was.version(), null, new TreeSet<>(was.signatures()), new TreeSet<>(), Map.of(),
                        "the exported package was removed: every plugin importing it breaks. Restore it (deprecate instead)"));
                continue;
            }
            SortedSet<String> removed = new TreeSet<>(was.signatures());
            removed.removeAll(now.signatures());
            SortedSet<String> added = new TreeSet<>(now.signatures());
            added.removeAll(was.signatures());
            Map<String, String> changed = pairChanges(removed, added);
            if (removed.isEmpty() && added.isEmpty() && changed.isEmpty() && was.version().equals(now.version())) {
                continue;
            }
            changes.add(new PackageChange(name, was.version(), now.version(), removed, added, changed,
                    problem(was.version(), now.version(), !removed.isEmpty() || !changed.isEmpty(), !added.isEmpty())));
        }
        return new ApiComparison(changes);
    }

    private static String problem(Version was, Version now, boolean breaking, boolean additions) {
        if (now.compareTo(was) < 0) {
            return "the version went down from " + was + " to " + now + ": package versions never decrease";
        }
        if (breaking && now.major() <= was.major()) {
            return "signatures were removed or changed, which breaks plugins built against " + was
                    + ": bump the major version to " + new Version(was.major() + 1, 0, 0) + " (or undo the change)";
        }
        if (additions && now.major() == was.major() && now.minor() <= was.minor()) {
            return "signatures were added: bump the minor version to " + new Version(was.major(), was.minor() + 1, 0);
        }
        return null;
    }

    /** Moves a removed and an added signature of the same member (same type, kind and name/parameters) into a change. */
    private static Map<String, String> pairChanges(SortedSet<String> removed, SortedSet<String> added) {
        Map<String, String> addedByKey = new LinkedHashMap<>();
        for (String a : added) {
            addedByKey.putIfAbsent(key(a), a);
        }
        Map<String, String> changed = new TreeMap<>();
        for (String r : new ArrayList<>(removed)) {
            String a = addedByKey.remove(key(r));
            if (a != null) {
                changed.put(r, a);
                removed.remove(r);
                added.remove(a);
            }
        }
        return changed;
    }

    /**
     * @param signature a signature line, {@code <type> <kind> <declaration>}
     * @return what identifies the member whatever its declaration: type, kind, and the name with parameters (methods,
     *         constructors) or the name (fields, components, constants); the type alone for a type line
     */
    static String key(String signature) {
        String[] p = signature.split(" ", 3);
        if (p.length < 3) {
            return signature;
        }
        String decl = p[2];
        switch (p[1]) {
            case "type":
                return p[0] + " type";
            case "method":
            case "constructor": {
                int open = decl.indexOf('(');
                int nameStart = decl.lastIndexOf(' ', open) + 1;
                return p[0] + " " + p[1] + " " + decl.substring(nameStart, decl.indexOf(')', open) + 1);
            }
            default:
                return p[0] + " " + p[1] + " " + decl.substring(decl.lastIndexOf(' ') + 1);
        }
    }

    /** @return true if any package fails */
    public boolean failed() { return packages.stream().anyMatch(PackageChange::failed); }

    /** @return true if nothing differs */
    public boolean unchanged() { return packages.isEmpty(); }

    /** @return what changed, package by package, with what to do about each failure */
    public String report() {
        if (packages.isEmpty()) {
            return "The plugin API matches api-baseline.txt.";
        }
        StringBuilder b = new StringBuilder();
        for (PackageChange c : packages) {
            b.append(c.failed() ? "FAIL " : "ok   ").append("package ").append(c.name()).append(' ')
                    .append(c.baseline() == null ? "(new)" : c.baseline()).append(" -> ")
                    .append(c.current() == null ? "(removed)" : c.current()).append('\n');
            c.removed().forEach(s -> b.append("       - removed: ").append(s).append('\n'));
            c.changed().forEach((was, now) -> b.append("       ~ changed: ").append(was).append("\n                  to: ").append(now).append('\n'));
            c.added().forEach(s -> b.append("       + added:   ").append(s).append('\n'));
            if (c.failed()) {
                b.append("       => ").append(c.problem()).append('\n');
            }
        }
        if (failed()) {
            b.append("\nFix: undo the incompatible change, or set the new version in the package's package-info.java\n")
                    .append("(@org.osgi.annotation.versioning.Version), then regenerate the baseline and commit it:\n  ")
                    .append(UPDATE_COMMAND).append('\n')
                    .append("Unreleased changes (not yet in any Kumo release) may be taken into the baseline without a bump.\n");
        } else {
            b.append("\nThe versions allow these changes; regenerate the baseline to record them: ").append(UPDATE_COMMAND).append('\n');
        }
        return b.toString();
    }
}
