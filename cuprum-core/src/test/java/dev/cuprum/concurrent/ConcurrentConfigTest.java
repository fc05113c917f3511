package dev.cuprum.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrentConfigTest {

  @Test
  void defaultsCaptureCollectEverythingAndSetNoLimit() {
    ConcurrentConfig defaults = ConcurrentConfig.defaults();
    assertThat(defaults.concurrency()).isNull();
    assertThat(defaults.capture()).isTrue();
    assertThat(defaults.echo()).isFalse();
    assertThat(defaults.context()).isNull();
    assertThat(defaults.failFast()).isFalse();
    assertThat(defaults.timeout()).isNull();
    assertThat(defaults.retry()).isNull();
    assertThat(defaults.listener()).isNull();
    assertThat(ConcurrentConfig.builder().build()).isEqualTo(defaults);
  }

  @Test
  void concurrencyMustBePositive() {
    for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> ConcurrentConfig.builder().concurrency(bad).build())
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessage("concurrency must be >= 1, got " + bad);
    }
    assertThat(ConcurrentConfig.builder().concurrency(1).build().concurrency()).isEqualTo(1);
  }

  @Test
  void backoffGrowsExponentiallyUpToItsCeiling() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), 3.0, Duration.ofSeconds(2), result -> true);
    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(900));
    assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(2));

    RetryPolicy onFailure = RetryPolicy.onFailure(3);
    assertThat(onFailure.maxAttempts()).isEqualTo(3);
    assertThat(onFailure.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(onFailure.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void retryPoliciesAreValidated() {
    assertThatThrownBy(() -> RetryPolicy.onFailure(0)).isInstanceOf(InvalidArgumentException.class)
        .hasMessage("maxAttempts must be >= 1, got 0");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), 2.0, Duration.ZERO, result -> true))
        .isInstanceOf(InvalidArgumentException.class);
    for (double multiplier : new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, multiplier, Duration.ZERO, result -> true))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("multiplier");
    }
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 2.0, Duration.ZERO, null))
        .isInstanceOf(NullPointerException.class);
  }
}
