package org.iys.infrastructure.persistence.migration;

import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The registry's schema migrations: the SQL files under {@code db/migration} and the Java ones,
 * which are named here rather than found by class scanning, because they take configuration.
 * Without a data source yet, so that the server and tests apply the same list.
 */
public final class Migrations {

  private Migrations() {}

  /** {@code pushKey}: the configured push password key, if any. */
  public static FluentConfiguration configure(Optional<String> pushKey) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .locations("classpath:db/migration")
        .javaMigrations(new V70__Seal_push_passwords(pushKey))
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }
}
