package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.iys.application.push.SealedPasswords;
import org.iys.infrastructure.persistence.migration.Migrations;
import org.junit.jupiter.api.Test;

/**
 * Version 70 on a database that holds webhook passwords in plain text, as every registry before it
 * did: each scenario builds a scratch schema up to version 60 on the test server, stores plain
 * rows, and migrates the rest of the way with the same migration list the server applies.
 */
class PushPasswordMigrationIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void plainPasswordsAreSealedWithTheRegistryKeyWhenNoneIsConfigured() throws Exception {
    String url = TestStack.scratchDatabase("iys_v70_" + Long.toHexString(RANDOM.nextLong()));
    Migrations.configure(Optional.empty())
        .dataSource(url, TestStack.USER, TestStack.PASSWORD)
        .target("60")
        .load()
        .migrate();
    insertPlain(url, 1, "https://push.example/a", "CONNECTED", "şifre-1");
    insertPlain(url, 2, "https://push.example/b", "REMOVED", "old-password");

    Migrations.configure(Optional.empty())
        .dataSource(url, TestStack.USER, TestStack.PASSWORD)
        .load()
        .migrate();

    Map<Long, String> stored = passwords(url);
    assertThat(stored.values()).allMatch(value -> value.startsWith("gcm1:r:"));
    byte[] key = registryKey(url);
    assertThat(SealedPasswords.open(stored.get(1L), id -> id == 'r' ? key : null))
        .isEqualTo("şifre-1");
    assertThat(SealedPasswords.open(stored.get(2L), id -> id == 'r' ? key : null))
        .isEqualTo("old-password");
    byte[] wrong = new byte[32];
    assertThatThrownBy(() -> SealedPasswords.open(stored.get(1L), id -> wrong))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aConfiguredKeySealsAndNothingGoesIntoTheRegistrySecrets() throws Exception {
    String url = TestStack.scratchDatabase("iys_v70_" + Long.toHexString(RANDOM.nextLong()));
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    Optional<String> configured = Optional.of(Base64.getEncoder().encodeToString(key));
    Migrations.configure(configured)
        .dataSource(url, TestStack.USER, TestStack.PASSWORD)
        .target("60")
        .load()
        .migrate();
    insertPlain(url, 1, "https://push.example/c", "CONNECTED", "configured-secret");

    Migrations.configure(configured)
        .dataSource(url, TestStack.USER, TestStack.PASSWORD)
        .load()
        .migrate();

    String sealed = passwords(url).get(1L);
    assertThat(sealed).startsWith("gcm1:c:").doesNotContain("configured-secret");
    assertThat(SealedPasswords.open(sealed, id -> id == 'c' ? key : null))
        .isEqualTo("configured-secret");
    assertThat(count(url, "SELECT COUNT(*) FROM registry_secret")).isZero();
  }

  private static void insertPlain(String url, long id, String address, String status, String pw)
      throws SQLException {
    try (Connection db = DriverManager.getConnection(url, TestStack.USER, TestStack.PASSWORD);
        var insert =
            db.prepareStatement(
                "INSERT INTO push_registration (id, iys_code, brand_code, type, url, username,"
                    + " password, status, register_time, delivered_creation_date,"
                    + " delivered_transaction_id, next_attempt) VALUES (?, 700001, 700001,"
                    + " 'MESAJ', ?, 'receiver', ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), '',"
                    + " UTC_TIMESTAMP(3))")) {
      insert.setLong(1, id);
      insert.setString(2, address);
      insert.setString(3, pw);
      insert.setString(4, status);
      insert.executeUpdate();
    }
  }

  private static Map<Long, String> passwords(String url) throws SQLException {
    Map<Long, String> stored = new HashMap<>();
    try (Connection db = DriverManager.getConnection(url, TestStack.USER, TestStack.PASSWORD);
        var select = db.createStatement();
        ResultSet rows = select.executeQuery("SELECT id, password FROM push_registration")) {
      while (rows.next()) {
        stored.put(rows.getLong(1), rows.getString(2));
      }
    }
    return stored;
  }

  private static byte[] registryKey(String url) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, TestStack.USER, TestStack.PASSWORD);
        var select = db.prepareStatement("SELECT secret FROM registry_secret WHERE name = ?")) {
      select.setString(1, SealedPasswords.REGISTRY_SECRET);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getBytes(1);
      }
    }
  }

  private static int count(String url, String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, TestStack.USER, TestStack.PASSWORD);
        var select = db.createStatement();
        ResultSet row = select.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }
}
