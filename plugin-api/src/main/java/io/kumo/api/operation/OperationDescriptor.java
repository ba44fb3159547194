package io.kumo.api.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single declaration of an operation: everything REST, the shell, the bus and OpenAPI need to serve it.
 * Build with {@link #builder(String)}.
 */
public final class OperationDescriptor {
    /** The permission of operations anyone may call without credentials, such as login. */
    public static final String PUBLIC = "public";

    private final String name;
    private final String description;
    private final OperationKind kind;
    private final String resourceType;
    private final Map<String, ParameterDescriptor> parameters;
    private final RestBinding rest;
    private final String permission;
    private final boolean async;
    private final Class<?> inventoryType;
    private final String shellCommand;
    private final String licensedModule;
    private final AccessLevel access;

    private OperationDescriptor(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.kind = b.kind;
        this.resourceType = b.resourceType;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.rest = b.rest;
        this.access = b.access != null ? b.access : PUBLIC.equals(b.permission) ? AccessLevel.PUBLIC : AccessLevel.ADMIN;
        this.permission = access == AccessLevel.PUBLIC ? PUBLIC : b.permission != null ? b.permission : defaultPermission(b);
        this.async = b.async != null ? b.async : b.kind.mutating();
        this.inventoryType = b.inventoryType;
        this.shellCommand = b.shellCommand != null ? b.shellCommand : toCommandName(b.name);
        this.licensedModule = b.licensedModule;
    }

    private static String defaultPermission(Builder b) {
        String resource = b.resourceType == null ? "system" : b.resourceType;
        return resource + ":" + (b.kind.mutating() ? "write" : "read");
    }

    /**
     * Turns an operation name into its shell command name: {@code CreateZone} becomes {@code create-zone}.
     *
     * @param operationName the operation name
     * @return the command name
     */
    public static String toCommandName(String operationName) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < operationName.length(); i++) {
            char c = operationName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(operationName.charAt(i - 1));
                boolean nextLower = i + 1 < operationName.length() && Character.isLowerCase(operationName.charAt(i + 1));
                if (i > 0 && (prevLower || nextLower)) {
                    sb.append('-');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @param name the operation name, e.g. {@code CreateZone} @return a new builder */
    public static Builder builder(String name) { return new Builder(name); }

    /** @return the unique operation name, e.g. {@code CreateZone} */
    public String name() { return name; }

    /** @return a one-line description shown in help and OpenAPI */
    public String description() { return description; }

    /** @return what the operation does */
    public OperationKind kind() { return kind; }

    /** @return the resource type it acts on, e.g. {@code zone}, or null */
    public String resourceType() { return resourceType; }

    /** @return the parameters in declaration order, by name */
    public Map<String, ParameterDescriptor> parameters() { return parameters; }

    /** @param param a parameter name @return its descriptor, if declared */
    public Optional<ParameterDescriptor> parameter(String param) { return Optional.ofNullable(parameters.get(param)); }

    /** @return where REST serves it, if anywhere */
    public Optional<RestBinding> rest() { return Optional.ofNullable(rest); }

    /** @return the permission a caller needs, e.g. {@code zone:write} */
    public String permission() { return permission; }

    /** @return true if callers need no credentials ({@link AccessLevel#PUBLIC}) */
    public boolean isPublic() { return access == AccessLevel.PUBLIC; }

    /**
     * @return who may call it: {@link AccessLevel#PUBLIC} if its permission is {@link #PUBLIC}, otherwise what the
     *         builder set, {@link AccessLevel#ADMIN} by default
     */
    public AccessLevel access() { return access; }

    /** @return true if it runs as a persisted job (all mutating operations by default) */
    public boolean async() { return async; }

    /** @return the inventory type in results, for documentation, or null */
    public Class<?> inventoryType() { return inventoryType; }

    /** @return the shell command name in scope {@code kumo}, e.g. {@code create-zone} */
    public String shellCommand() { return shellCommand; }

    /**
     * @return the licensed (Plus) module this operation belongs to, from {@link io.kumo.api.licence.LicensedModules},
     *         if it needs a module licence; the kernel refuses calls without a valid one
     */
    public Optional<String> licensedModule() { return Optional.ofNullable(licensedModule); }

    @Override public String toString() { return "Operation[" + name + "]"; }

    /** Builds an {@link OperationDescriptor}. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private OperationKind kind = OperationKind.READ;
        private String resourceType;
        private final Map<String, ParameterDescriptor> parameters = new LinkedHashMap<>();
        private RestBinding rest;
        private String permission;
        private Boolean async;
        private Class<?> inventoryType;
        private String shellCommand;
        private String licensedModule;
        private AccessLevel access;

        private Builder(String name) {
            if (name == null || !name.matches("[A-Z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("operation names are UpperCamelCase: " + name);
            }
            this.name = name;
        }

        /** @param text one line @return this */
        public Builder description(String text) { this.description = Objects.requireNonNull(text); return this; }

        /** @param k the kind @return this */
        public Builder kind(OperationKind k) { this.kind = Objects.requireNonNull(k); return this; }

        /** @param type the resource type, e.g. {@code zone} @return this */
        public Builder resourceType(String type) { this.resourceType = type; return this; }

        /** @param p a parameter; names must be unique @return this */
        public Builder param(ParameterDescriptor p) {
            if (parameters.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate parameter " + p.name() + " in " + name);
            }
            return this;
        }

        /** @param ps parameters @return this */
        public Builder params(List<ParameterDescriptor> ps) { new ArrayList<>(ps).forEach(this::param); return this; }

        /** @param binding the REST binding @return this */
        public Builder rest(RestBinding binding) { this.rest = binding; return this; }

        /** @param perm the permission, {@code resource:verb} @return this */
        public Builder permission(String perm) { this.permission = perm; return this; }

        /** @param level who may call it (admin only if never set) @return this */
        public Builder access(AccessLevel level) { this.access = Objects.requireNonNull(level); return this; }

        /** @param value whether it runs as a persisted job @return this */
        public Builder async(boolean value) { this.async = value; return this; }

        /** @param type the inventory type of results @return this */
        public Builder inventoryType(Class<?> type) { this.inventoryType = type; return this; }

        /** @param command the shell command name, overriding the derived one @return this */
        public Builder shellCommand(String command) { this.shellCommand = command; return this; }

        /**
         * @param module the licensed module, one of {@link io.kumo.api.licence.LicensedModules#ALL}
         * @return this
         */
        public Builder licensedModule(String module) {
            if (!io.kumo.api.licence.LicensedModules.ALL.contains(module)) {
                throw new IllegalArgumentException("unknown licensed module " + module + " in " + name
                        + "; known: " + io.kumo.api.licence.LicensedModules.ALL);
            }
            this.licensedModule = module;
            return this;
        }

        /** @return the descriptor; query operations get {@link io.kumo.api.query.StandardQueryParameters} */
        public OperationDescriptor build() {
            if (kind == OperationKind.QUERY) {
                for (ParameterDescriptor p : io.kumo.api.query.StandardQueryParameters.all()) {
                    parameters.putIfAbsent(p.name(), p);
                }
            }
            if (rest != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(rest.path());
                while (m.find()) {
                    if (!parameters.containsKey(m.group(1))) {
                        throw new IllegalArgumentException(name + ": path variable {" + m.group(1) + "} is not a declared parameter");
                    }
                }
            }
            return new OperationDescriptor(this);
        }
    }
}
