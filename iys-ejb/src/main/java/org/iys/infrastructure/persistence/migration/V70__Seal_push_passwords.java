package org.iys.infrastructure.persistence.migration;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iys.application.push.SealedPasswords;

/**
 * Seals the webhook passwords stored in plain text before version 70, removed connections included,
 * and widens the column for the sealed form. Written in Java because MariaDB has no AES-GCM. The
 * registry's key is created here with the same insert-if-absent the running registry uses, so a
 * server that needs it later finds this one.
 */
public class V70__Seal_push_passwords extends BaseJavaMigration {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<String> configuredKey;

  /** {@code configuredKey}: the value of {@value SealedPasswords#KEY_PROPERTY}, if any. */
  public V70__Seal_push_passwords(Optional<String> configuredKey) {
    this.configuredKey = configuredKey;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    // Wide enough for the sealed form first, still in the old character set: a stored password
    // may hold any character until it is sealed.
    alter(connection, "VARCHAR(1500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    seal(connection);
    alter(connection, "VARCHAR(1500) CHARACTER SET ascii COLLATE ascii_bin");
  }

  private static void alter(Connection connection, String column) throws SQLException {
    try (Statement alter = connection.createStatement()) {
      alter.execute("ALTER TABLE push_registration MODIFY password " + column + " NOT NULL");
    }
  }

  private void seal(Connection connection) throws SQLException {
    Map<Long, String> plain = new LinkedHashMap<>();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT id, password FROM push_registration")) {
      while (rows.next()) {
        // MariaDB commits each ALTER, so a run cut short is run again from the start; values
        // already sealed then stay as they are. A plain password shaped exactly like a sealed
        // value would be left alone too, and fail to open at delivery, which the log reports.
        if (!SealedPasswords.looksSealed(rows.getString(2))) {
          plain.put(rows.getLong(1), rows.getString(2));
        }
      }
    }
    if (plain.isEmpty()) {
      return;
    }
    SealedPasswords.Key key =
        SealedPasswords.sealingKey(configuredKey, name -> registrySecret(connection, name));
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE push_registration SET password = ? WHERE id = ?")) {
      for (Map.Entry<Long, String> row : plain.entrySet()) {
        update.setString(1, SealedPasswords.seal(key, row.getValue()));
        update.setLong(2, row.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static byte[] registrySecret(Connection connection, String name) {
    byte[] candidate = new byte[32];
    RANDOM.nextBytes(candidate);
    try {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT IGNORE INTO registry_secret (name, secret, created) VALUES (?, ?, ?)")) {
        insert.setString(1, name);
        insert.setBytes(2, candidate);
        insert.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
        insert.executeUpdate();
      }
      try (PreparedStatement select =
          connection.prepareStatement("SELECT secret FROM registry_secret WHERE name = ?")) {
        select.setString(1, name);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getBytes(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the registry's push password key failed", e);
    }
  }
}
