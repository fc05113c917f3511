package dev.cuprum.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public API of an artifact as text: every public type of the given packages with its
 * supertypes and its public and protected members, in a stable order. The build compares it with
 * the file checked in under the module's {@code api/} folder, so that any change to the API shows
 * as a reviewed diff.
 */
public final class ApiDump {

  /** Set to {@code true} to rewrite the checked-in files instead of comparing with them. */
  public static final String UPDATE_PROPERTY = "apiDump.update";

  private ApiDump() {}

  /**
   * Fails unless the API of the compiled classes under {@code classes} in {@code packages} equals
   * {@code expected}; with {@code -DapiDump.update=true}, rewrites {@code expected} instead.
   *
   * @param header lines written first, such as the module's exports
   */
  public static void assertMatches(Path classes, Collection<String> packages, List<String> header, Path expected) {
    List<String> actual = new ArrayList<>(header);
    actual.addAll(dump(classes, packages));
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(expected.getParent());
        Files.write(expected, actual, StandardCharsets.UTF_8);
        return;
      }
      List<String> recorded = Files.exists(expected) ? Files.readAllLines(expected, StandardCharsets.UTF_8) : List.of();
      if (!recorded.equals(actual)) {
        fail("The public API differs from " + expected + ". If the change is intended, run the build with -D"
            + UPDATE_PROPERTY + "=true and commit the file.\n" + difference(recorded, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API lines of the public types of {@code packages} compiled under {@code classes}. */
  public static List<String> dump(Path classes, Collection<String> packages) {
    List<String> lines = new ArrayList<>();
    for (Class<?> type : publicTypes(classes, packages)) {
      lines.add(declaration(type) + supertypes(type));
      // Members by name, then signature; the declaring type is left out of each.
      Map<String, String> members = new TreeMap<>();
      String owner = type.getName() + ".";
      for (Field field : type.getDeclaredFields()) {
        addIfVisible(members, field, field.toGenericString().replace(owner, ""));
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        addIfVisible(members, constructor, constructor.toGenericString());
      }
      for (Method method : type.getDeclaredMethods()) {
        if (!method.isBridge()) {
          addIfVisible(members, method, method.toGenericString().replace(owner, ""));
        }
      }
      members.values().forEach(member -> lines.add("  " + member));
    }
    return lines;
  }

  /**
   * The type's declaration. An enum whose constants have bodies is implicitly sealed, and JDK 25's
   * {@link Class#toGenericString()} says so where JDK 17's does not: the word is left out.
   */
  private static String declaration(Class<?> type) {
    String declaration = type.toGenericString();
    return type.isEnum() ? declaration.replace("sealed ", "") : declaration;
  }

  private static void addIfVisible(Map<String, String> members, Member member, String signature) {
    int modifiers = member.getModifiers();
    if (!member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
      String name = member instanceof Constructor<?> ? "<init>" : member.getName();
      members.put(name + " " + signature, signature);
    }
  }

  private static String supertypes(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
        && !type.isRecord()) {
      names.add("extends " + type.getGenericSuperclass().getTypeName());
    }
    List<String> interfaces = Arrays.stream(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName)
        .toList();
    if (!interfaces.isEmpty()) {
      names.add((type.isInterface() ? "extends " : "implements ") + String.join(", ", interfaces));
    }
    return names.isEmpty() ? "" : " " + String.join(" ", names);
  }

  private static List<Class<?>> publicTypes(Path classes, Collection<String> packages) {
    Set<String> names = new TreeSet<>();
    for (String pkg : packages) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        files.map(file -> file.getFileName().toString())
            .filter(file -> file.endsWith(".class") && !file.equals("package-info.class"))
            .forEach(file -> names.add(pkg + "." + file.substring(0, file.length() - ".class".length())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      Class<?> type = load(name);
      if (!type.isAnonymousClass() && !type.isSynthetic() && isVisible(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiDump.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String difference(List<String> expected, List<String> actual) {
    StringBuilder text = new StringBuilder();
    Set<String> before = Set.copyOf(expected);
    Set<String> after = Set.copyOf(actual);
    expected.stream().filter(line -> !after.contains(line)).forEach(line -> text.append("- ").append(line).append('\n'));
    actual.stream().filter(line -> !before.contains(line)).forEach(line -> text.append("+ ").append(line).append('\n'));
    return text.length() == 0 ? "(the same lines in another order)" : text.toString();
  }
}
