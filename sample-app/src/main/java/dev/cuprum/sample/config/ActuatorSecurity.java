package dev.cuprum.sample.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Anyone may read {@code /actuator/health} (its status; the details name
 * program files and need credentials) and {@code /actuator/prometheus}. Every other actuator
 * endpoint, {@code cuprum} above all (the argv of every running command, the file each program
 * runs from), needs HTTP basic credentials: the user of {@code spring.security.user.name} and
 * {@code spring.security.user.password} (without a password Boot generates one at startup and
 * logs it). The exception is an actuator on a management port of its own bound to a loopback
 * address ({@code management.server.port} and {@code management.server.address=127.0.0.1}), which
 * only this host can reach: there every endpoint answers without credentials. The API under
 * {@code /api} needs none; it uses no cookies or sessions, so it has no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain actuatorFilterChain(HttpSecurity http, Environment environment) throws Exception {
    boolean loopbackOnly = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
        && isLoopback(environment.getProperty("management.server.address"));
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll();
          if (loopbackOnly) {
            requests.anyRequest().permitAll();
          } else {
            requests.anyRequest().authenticated();
          }
        })
        .httpBasic(Customizer.withDefaults())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  private static boolean isLoopback(@Nullable String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
