package org.iys.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

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
    var result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    LOG.log(
        System.Logger.Level.INFO,
        "schema at version {0} after {1} migrations",
        result.targetSchemaVersion,
        result.migrationsExecuted);
  }
}
