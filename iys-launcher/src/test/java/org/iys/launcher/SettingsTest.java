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
                "admin.password", "secret",
                "ratelimit.requests-per-second", "5000",
                "changes.embargo-minutes", ""));

    assertThat(settings.applicationEnvironment(Map.of()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("IYS_ADMIN_PASSWORD", "secret", "IYS_RATELIMIT_REQUESTS_PER_SECOND", "5000"));
  }

  @Test
  void aVariableAlreadyInTheEnvironmentIsLeftAsItIs() {
    Settings settings = Settings.of(Map.of("admin.password", "from-file"));

    assertThat(settings.applicationEnvironment(Map.of("IYS_ADMIN_PASSWORD", "from-environment")))
        .isEmpty();
  }
}
