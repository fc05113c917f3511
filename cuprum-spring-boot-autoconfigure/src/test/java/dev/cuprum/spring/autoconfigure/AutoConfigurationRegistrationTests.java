package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/** The auto-configurations are registered, ordered against classes that exist, and shaped alike. */
class AutoConfigurationRegistrationTests {

  private static final String IMPORTS =
      "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

  @Test
  void everyAutoConfigurationIsRegisteredAndEveryRegisteredClassIsOne() throws Exception {
    MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
    List<String> found = new ArrayList<>();
    Resource[] classes = new PathMatchingResourcePatternResolver().getResources("classpath*:dev/cuprum/spring/**/*.class");
    for (Resource resource : classes) {
      AnnotationMetadata metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
      if (metadata.hasAnnotation(AutoConfiguration.class.getName())) {
        found.add(metadata.getClassName());
      }
    }

    assertThat(registered()).containsExactlyInAnyOrderElementsOf(found).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void everyAfterAndBeforeNameIsAClassThatExists() throws Exception {
    List<String> names = new ArrayList<>();
    for (Class<?> type : registeredClasses()) {
      AutoConfiguration annotation = type.getAnnotation(AutoConfiguration.class);
      names.addAll(List.of(annotation.afterName()));
      names.addAll(List.of(annotation.beforeName()));
      Stream.of(annotation.after(), annotation.before()).flatMap(Stream::of).map(Class::getName).forEach(names::add);
    }

    assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(ClassUtils.isPresent(name, getClass().getClassLoader()))
        .as("%s exists", name).isTrue());
  }

  @Test
  void autoConfigurationsArePublicAndFinal() throws Exception {
    assertThat(registeredClasses()).allSatisfy(type -> assertThat(type.getModifiers())
        .as("modifiers of %s", type.getName())
        .matches(modifiers -> Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers)));
  }

  private static List<String> registered() throws IOException {
    String content = new ClassPathResource(IMPORTS).getContentAsString(StandardCharsets.UTF_8);
    return content.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }

  private static List<Class<?>> registeredClasses() throws Exception {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : registered()) {
      classes.add(Class.forName(name));
    }
    return classes;
  }
}
