package org.iys.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void applicationSettingsReachTheServerAsTheVariablesMicroProfileConfigReads() {
    Settings settings =
        Settings.of(
            Map.of(
                "ratelimit.status-queries-per-hour", "20",
                "ratelimit.requests-per-second", "5000",
                "changes.embargo-minutes", ""));

    assertThat(settings.applicationEnvironment(Map.of()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "IYS_RATELIMIT_STATUS_QUERIES_PER_HOUR",
                "20",
                "IYS_RATELIMIT_REQUESTS_PER_SECOND",
                "5000"));
  }

  @Test
  void aVariableAlreadyInTheEnvironmentIsLeftAsItIs() {
    Settings settings = Settings.of(Map.of("ratelimit.requests-per-second", "7"));

    assertThat(settings.applicationEnvironment(Map.of("IYS_RATELIMIT_REQUESTS_PER_SECOND", "9")))
        .isEmpty();
  }
}
