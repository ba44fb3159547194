package io.kumo.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST path template relative to {@code /zstack/v1}, such as {@code /zones/{uuid}/actions}: literal segments and
 * segments that are a whole {@code {variable}}.
 */
final class PathTemplate {
    private final String text;
    /** Per segment: the literal text, or null for a variable. */
    private final List<String> literals;
    /** Per segment: the variable name, or null for a literal. */
    private final List<String> variables;

    private PathTemplate(String text, List<String> literals, List<String> variables) {
        this.text = text;
        this.literals = Collections.unmodifiableList(literals);
        this.variables = Collections.unmodifiableList(variables);
    }

    /** @param path a template such as {@code /zones/{uuid}} @return the parsed template */
    static PathTemplate parse(String path) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                literals.add(null);
                variables.add(segment.substring(1, segment.length() - 1));
            } else {
                literals.add(segment);
                variables.add(null);
            }
        }
        return new PathTemplate(canonicalText(literals, variables), literals, variables);
    }

    private static String canonicalText(List<String> literals, List<String> variables) {
        if (literals.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < literals.size(); i++) {
            sb.append('/').append(literals.get(i) != null ? literals.get(i) : "{" + variables.get(i) + "}");
        }
        return sb.toString();
    }

    /** @param name a variable name @return this template followed by a {@code {name}} segment */
    PathTemplate withVariable(String name) {
        List<String> l = new ArrayList<>(literals);
        List<String> v = new ArrayList<>(variables);
        l.add(null);
        v.add(name);
        return new PathTemplate(canonicalText(l, v), l, v);
    }

    /** @return the template as written, normalized ({@code /} for the root) */
    String text() { return text; }

    /** @return the shape with variable names erased, e.g. {@code /zones/{}}; equal shapes match the same paths */
    String shape() {
        StringBuilder sb = new StringBuilder();
        for (String literal : literals) {
            sb.append('/').append(literal != null ? literal : "{}");
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** @return the variable names in path order */
    List<String> variableNames() {
        List<String> names = new ArrayList<>();
        for (String v : variables) {
            if (v != null) {
                names.add(v);
            }
        }
        return names;
    }

    /** @param name a variable name @return true if the template has it */
    boolean hasVariable(String name) { return variables.contains(name); }

    /** @param segments decoded path segments @return true if the template matches them */
    boolean matches(List<String> segments) {
        if (segments.size() != literals.size()) {
            return false;
        }
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            if (literal != null ? !literal.equals(segments.get(i)) : segments.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** @param segments segments this template {@link #matches} @return the variable values by name */
    Map<String, String> bind(List<String> segments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i) != null) {
                values.put(variables.get(i), segments.get(i));
            }
        }
        return values;
    }

    /**
     * Orders templates so that, among those matching the same path, the more specific comes first: at the first
     * position where they differ, a literal segment beats a variable.
     *
     * @param other another template
     * @return negative if this one is more specific
     */
    int compareSpecificity(PathTemplate other) {
        int n = Math.min(literals.size(), other.literals.size());
        for (int i = 0; i < n; i++) {
            boolean mine = literals.get(i) != null;
            boolean theirs = other.literals.get(i) != null;
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        int bySize = Integer.compare(literals.size(), other.literals.size());
        return bySize != 0 ? bySize : text.compareTo(other.text);
    }

    @Override public String toString() { return text; }
}
