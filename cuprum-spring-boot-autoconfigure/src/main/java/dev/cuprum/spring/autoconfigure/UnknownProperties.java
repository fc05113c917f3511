package dev.cuprum.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds {@code cuprum.*} properties that no Cuprum property class declares, such as
 * {@code cuprum.defaults.timout}: Spring binds nothing from them, so they would be silently
 * ignored. Every property source is checked but the process environment, where an unrelated
 * variable such as {@code CUPRUM_HOME} would otherwise stop the application.
 */
final class UnknownProperties {

  private static final String ANY = "*";

  private UnknownProperties() {}

  /**
   * @param propertyClasses every {@code @ConfigurationProperties} class under {@code cuprum}, by
   *     prefix
   * @throws InvalidCuprumPropertyException naming the first unknown property, the nearest declared
   *     one, and any other unknown property
   */
  static void check(ConfigurableEnvironment environment, Map<String, Class<?>> propertyClasses) {
    List<List<String>> declared = new ArrayList<>();
    propertyClasses.forEach((prefix, type) -> collect(elements(prefix), type, declared));
    Set<String> unknown = new TreeSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (isProcessEnvironment(source) || !(source instanceof IterableConfigurationPropertySource names)) {
        continue;
      }
      names.filter(name -> ConfigurationPropertyName.of("cuprum").isAncestorOf(name)).stream()
          .filter(name -> declared.stream().noneMatch(pattern -> matches(pattern, name)))
          .forEach(name -> unknown.add(name.toString()));
    }
    if (unknown.isEmpty()) {
      return;
    }
    String first = unknown.iterator().next();
    List<String> others = unknown.stream().skip(1).toList();
    String nearest = nearest(first, declared);
    throw new InvalidCuprumPropertyException(first, environment.getProperty(first),
        "no Cuprum property has this name, so the value would be ignored"
            + (others.isEmpty() ? "" : "; nor has " + String.join(", ", others)),
        "Did you mean '" + nearest + "'? Correct or remove the property; docs/configuration.md lists them all.");
  }

  private static boolean isProcessEnvironment(ConfigurationPropertySource source) {
    return source.getUnderlyingSource() instanceof org.springframework.core.env.PropertySource<?> propertySource
        && StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName());
  }

  /** The declared names under {@code prefix}: one element list per property, {@code *} for a map key. */
  private static void collect(List<String> prefix, Class<?> type, List<List<String>> names) {
    for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
      if (property.getReadMethod() == null || property.getName().equals("class")) {
        continue;
      }
      List<String> name = new ArrayList<>(prefix);
      name.add(DataObjectPropertyName.toDashedForm(property.getName()));
      Class<?> valueType = property.getPropertyType();
      Type generic = property.getReadMethod().getGenericReturnType();
      if (Map.class.isAssignableFrom(valueType) && generic instanceof ParameterizedType map
          && map.getActualTypeArguments()[1] instanceof Class<?> values && isNested(values)) {
        name.add(ANY);
        collect(name, values, names);
      } else if (isNested(valueType)) {
        collect(name, valueType, names);
      } else {
        names.add(name);
      }
    }
  }

  /** Cuprum's own nested property classes; everything else is a value. */
  private static boolean isNested(Class<?> type) {
    return type.getName().startsWith("dev.cuprum.") && !type.isEnum();
  }

  private static boolean matches(List<String> pattern, ConfigurationPropertyName name) {
    int size = name.getNumberOfElements();
    int compared = 0;
    for (int i = 0; i < size; i++) {
      if (name.isNumericIndex(i)) {
        continue;
      }
      if (compared == pattern.size()) {
        return false;
      }
      String element = name.getElement(i, Form.DASHED);
      String expected = pattern.get(compared++);
      if (!expected.equals(ANY) && !expected.equals(element)) {
        return false;
      }
      if (compared == pattern.size()) {
        // Values such as maps of strings or lists take any element below them.
        return true;
      }
    }
    return compared == pattern.size();
  }

  private static String nearest(String unknown, Collection<List<String>> declared) {
    List<String> elements = elements(unknown);
    String best = "";
    int bestDistance = Integer.MAX_VALUE;
    for (List<String> pattern : declared) {
      List<String> candidate = new ArrayList<>(pattern);
      for (int i = 0; i < candidate.size() && i < elements.size(); i++) {
        if (candidate.get(i).equals(ANY)) {
          candidate.set(i, elements.get(i));
        }
      }
      String name = String.join(".", candidate);
      int distance = distance(unknown, name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static List<String> elements(String name) {
    return List.of(name.split("\\."));
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
