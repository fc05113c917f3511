package dev.cuprum.sample.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies must have the documented types. Jackson turns numbers and booleans into text
 * by default, so {@code {"text": 5}} would echo {@code 5}; here it is a bad request. The other
 * coercions are refused in {@code application.yml} ({@code spring.jackson.*}).
 */
@Configuration(proxyBeanMethods = false)
final class StrictJson {

  @Bean
  JsonMapperBuilderCustomizer onlyStringsAreText() {
    return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
