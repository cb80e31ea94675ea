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
                "5000",
                "IYS_CITIZEN_PUBLIC_URL",
                "http://127.0.0.1:8080",
                "IYS_OUTBOX_GATEWAY",
                "directory"));
  }

  @Test
  void theSettableClockIsHandedToTheServerAsTheSystemPropertyItReads() throws Exception {
    var fromVariable = Settings.load(Map.of("IYS_REGISTRY_CLOCK", "settable", "IYS_CONFIG", "-"));

    assertThat(fromVariable.serverSystemProperties())
        .containsExactly("-Diys.registry.clock=settable");
    assertThat(Settings.of(Map.of("registry.clock", "settable")).serverSystemProperties())
        .containsExactly("-Diys.registry.clock=settable");
    assertThat(Settings.of(Map.of()).serverSystemProperties()).isEmpty();
    assertThat(Settings.of(Map.of("registry.clock", "system")).serverSystemProperties()).isEmpty();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Settings.of(Map.of("registry.clock", "setable")).serverSystemProperties());
  }

  @Test
  void aVariableAlreadyInTheEnvironmentIsLeftAsItIs() {
    Settings settings = Settings.of(Map.of("ratelimit.requests-per-second", "7"));

    assertThat(
            settings.applicationEnvironment(
                Map.of(
                    "IYS_RATELIMIT_REQUESTS_PER_SECOND", "9",
                    "IYS_CITIZEN_PUBLIC_URL", "https://iys.example",
                    "IYS_OUTBOX_GATEWAY", "logging")))
        .isEmpty();
  }

  @Test
  void citizenAndPushSettingsFromTheFileReachTheServer() {
    Settings settings =
        Settings.of(
            Map.of(
                "http.port", "18080",
                "citizen.sms-gateway-secret", "gateway-secret",
                "push.credential-key", "a2V5",
                "outbox.gateway", "my-sms"));

    assertThat(settings.applicationEnvironment(Map.of()))
        .containsEntry("IYS_CITIZEN_SMS_GATEWAY_SECRET", "gateway-secret")
        .containsEntry("IYS_PUSH_CREDENTIAL_KEY", "a2V5")
        .containsEntry("IYS_OUTBOX_GATEWAY", "my-sms")
        .containsEntry("IYS_CITIZEN_PUBLIC_URL", "http://127.0.0.1:18080");
  }
}
