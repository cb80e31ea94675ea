package org.iys.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.push.SealedPasswords;
import org.iys.infrastructure.persistence.migration.Migrations;

/**
 * Brings the database schema to the version this build expects before anything else uses it. The
 * schema comes only from these migrations, never from the persistence provider. The batch runtime
 * keeps its own tables in the same schema, so a schema that has tables but no migration history yet
 * is taken as version 0.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = Resources.DATA_SOURCE)
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    Optional<String> pushKey =
        ConfigProvider.getConfig().getOptionalValue(SealedPasswords.KEY_PROPERTY, String.class);
    var result = Migrations.configure(pushKey).dataSource(dataSource).load().migrate();
    LOG.log(
        System.Logger.Level.INFO,
        "schema at version {0} after {1} migrations",
        result.targetSchemaVersion,
        result.migrationsExecuted);
  }
}
