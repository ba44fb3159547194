package io.kumo.api.baseline;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of the plugin API's exported packages as text: per package its OSGi version (from
 * {@code package-info.java}) and one line per public or protected signature — types with their supertypes,
 * constructors, methods, fields, record components and enum constants. This is what {@code api-baseline.txt} holds.
 *
 * @param packages the packages by name
 */
public record ApiSnapshot(SortedMap<String, PackageApi> packages) {
    /** The package every exported package is under. */
    public static final String ROOT_PACKAGE = "io.kumo.api";

    private static final Pattern VERSION = Pattern.compile("@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern PACKAGE_LINE = Pattern.compile("package (\\S+) (\\S+)");

    /** Canonical constructor: copies the map, sorted. */
    public ApiSnapshot {
        packages = new TreeMap<>(Objects.requireNonNull(packages, "packages"));
    }

    /**
     * One package: its version and its signatures.
     *
     * @param version    the OSGi version of the package, {@code major.minor.micro}
     * @param signatures its signatures, each {@code <type> <kind> <signature>}, sorted
     */
    public record PackageApi(Version version, SortedSet<String> signatures) {
        /** Canonical constructor: copies the set, sorted. */
        public PackageApi {
            Objects.requireNonNull(version, "version");
            signatures = new TreeSet<>(signatures);
        }
    }

    /**
     * An OSGi version, {@code major.minor.micro[.qualifier]}; the qualifier is ignored.
     *
     * @param major incompatible changes
     * @param minor compatible additions
     * @param micro fixes without API change
     */
    public record Version(int major, int minor, int micro) implements Comparable<Version> {
        /** @param text {@code 1.2.3} (missing parts are 0) @return the version @throws IllegalArgumentException if malformed */
        public static Version parse(String text) {
            String[] p = text.trim().split("\\.");
            try {
                return new Version(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0,
                        p.length > 2 ? Integer.parseInt(p[2]) : 0);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an OSGi version: " + text, e);
            }
        }

        @Override
        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(major, o.major)
                    : minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(micro, o.micro);
        }

        @Override public String toString() { return major + "." + minor + "." + micro; }
    }

    /** @return the baseline file's text */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("# The plugin API's baseline: every public and protected signature of each exported package, with the\n")
                .append("# package's version. ApiBaselineTest fails the build when the API differs from this file without the\n")
                .append("# version bump the change needs (removed or changed: major; added: minor). After bumping the version in\n")
                .append("# the package's package-info.java, regenerate with:  mvn -o -pl plugin-api test -Dkumo.api.update=true\n");
        packages.forEach((name, api) -> {
            b.append("\npackage ").append(name).append(' ').append(api.version()).append('\n');
            api.signatures().forEach(s -> b.append("  ").append(s).append('\n'));
        });
        return b.toString();
    }

    /**
     * @param text a baseline file's text
     * @return the snapshot it describes
     * @throws IllegalArgumentException on a malformed line
     */
    public static ApiSnapshot parse(String text) {
        SortedMap<String, PackageApi> packages = new TreeMap<>();
        String current = null;
        Version version = null;
        SortedSet<String> lines = new TreeSet<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = PACKAGE_LINE.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    packages.put(current, new PackageApi(version, lines));
                }
                current = m.group(1);
                version = Version.parse(m.group(2));
                lines = new TreeSet<>();
            } else if (line.startsWith("  ") && current != null) {
                lines.add(line.substring(2));
            } else {
                throw new IllegalArgumentException("line " + n + " of the baseline is neither 'package NAME VERSION' nor an indented signature: " + line);
            }
        }
        if (current != null) {
            packages.put(current, new PackageApi(version, lines));
        }
        return new ApiSnapshot(packages);
    }

    /** @param file a baseline file @return its snapshot @throws IOException if unreadable */
    public static ApiSnapshot read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Reads the API of the compiled classes by reflection.
     *
     * @param classes the directory of the compiled classes (target/classes)
     * @param sources the source directory (src/main/java), for the versions in {@code package-info.java}
     * @param loader  loads the classes
     * @return the snapshot
     * @throws IOException if a directory cannot be read
     * @throws IllegalStateException if an exported package has no {@code @Version} in its package-info.java
     */
    public static ApiSnapshot scan(Path classes, Path sources, ClassLoader loader) throws IOException {
        Path root = classes.resolve(ROOT_PACKAGE.replace('.', '/'));
        Map<String, SortedSet<String>> byPackage = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String binary = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
            binary = binary.substring(0, binary.length() - ".class".length());
            if (binary.endsWith("package-info") || binary.endsWith("module-info")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(binary, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + binary, e);
            }
            byPackage.computeIfAbsent(type.getPackageName(), k -> new TreeSet<>());
            if (isApi(type)) {
                byPackage.get(type.getPackageName()).addAll(signatures(type));
            }
        }
        SortedMap<String, PackageApi> packages = new TreeMap<>();
        for (Map.Entry<String, SortedSet<String>> e : byPackage.entrySet()) {
            packages.put(e.getKey(), new PackageApi(versionOf(e.getKey(), sources), e.getValue()));
        }
        return new ApiSnapshot(packages);
    }

    private static Version versionOf(String pkg, Path sources) throws IOException {
        Path info = sources.resolve(pkg.replace('.', '/')).resolve("package-info.java");
        if (!Files.exists(info)) {
            throw new IllegalStateException("exported package " + pkg + " has no " + info
                    + ": add one with @org.osgi.annotation.versioning.Version(\"1.0.0\")");
        }
        Matcher m = VERSION.matcher(Files.readString(info, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException(info + " has no @org.osgi.annotation.versioning.Version(\"x.y.z\")");
        }
        return Version.parse(m.group(1));
    }

    /** @return true for a public type, or a public/protected member type of an API type */
    private static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        int mod = type.getModifiers();
        if (type.getEnclosingClass() == null) {
            return Modifier.isPublic(mod);
        }
        return (Modifier.isPublic(mod) || Modifier.isProtected(mod)) && isApi(type.getEnclosingClass());
    }

    private static boolean visible(int mod) { return Modifier.isPublic(mod) || Modifier.isProtected(mod); }

    /** @param type an API type @return its signature lines */
    static List<String> signatures(Class<?> type) {
        String t = type.getTypeName();
        List<String> out = new ArrayList<>();
        out.add(t + " type " + typeLine(type));
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(t + " component " + c.getGenericType().getTypeName() + " " + c.getName());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (f.isSynthetic() || !visible(f.getModifiers())) {
                continue;
            }
            if (f.isEnumConstant()) {
                out.add(t + " enum-constant " + f.getName());
            } else {
                out.add(t + " field " + modifiers(f.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL))
                        + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!c.isSynthetic() && visible(c.getModifiers())) {
                out.add(t + " constructor " + modifiers(c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED))
                        + typeParameters(c.getTypeParameters()) + type.getSimpleName() + parameters(c) + exceptions(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.isSynthetic() || m.isBridge() || !visible(m.getModifiers())) {
                continue;
            }
            String mods = modifiers(m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT))
                    + (m.isDefault() ? "default " : "");
            out.add(t + " method " + mods + typeParameters(m.getTypeParameters()) + m.getGenericReturnType().getTypeName()
                    + " " + m.getName() + parameters(m) + exceptions(m));
        }
        return out;
    }

    private static String typeLine(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        int mask = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC;
        if (!type.isInterface() && !type.isEnum() && !type.isRecord()) {
            mask |= Modifier.FINAL | Modifier.ABSTRACT;
        }
        StringBuilder b = new StringBuilder(modifiers(type.getModifiers() & mask));
        if (type.isSealed()) {
            b.append("sealed ");
        }
        b.append(kind).append(' ').append(type.getTypeName()).append(typeParameters(type.getTypeParameters()).stripTrailing());
        Type sup = type.getGenericSuperclass();
        if (sup != null && !type.isEnum() && !type.isRecord() && sup != Object.class) {
            b.append(" extends ").append(sup.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            b.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            b.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getTypeName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    private static String modifiers(int mod) {
        String s = Modifier.toString(mod);
        return s.isEmpty() ? "" : s + " ";
    }

    private static String typeParameters(TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        return Arrays.stream(vars).map(v -> {
            Type[] bounds = v.getBounds();
            boolean plain = bounds.length == 1 && bounds[0] == Object.class;
            return plain ? v.getName() : v.getName() + " extends "
                    + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = types[i].getTypeName();
            if (e.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String exceptions(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        return thrown.length == 0 ? "" : " throws " + Arrays.stream(thrown).map(Type::getTypeName).sorted()
                .collect(Collectors.joining(", "));
    }
}
