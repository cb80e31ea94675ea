package org.iys.application.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.domain.access.StaffUser;

/**
 * Creates the first administrator at the first start, from configuration: {@code
 * iys.admin.username} (default {@code admin}) and {@code iys.admin.password}, read through
 * MicroProfile Config, so a system property or the environment variables {@code IYS_ADMIN_USERNAME}
 * and {@code IYS_ADMIN_PASSWORD} set them. Once any staff account exists this does nothing, so
 * changing the variables later changes no password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class FirstAdmin {

  private static final System.Logger LOG = System.getLogger(FirstAdmin.class.getName());

  @EJB private StaffAccounts accounts;

  @PostConstruct
  void createWhenNoStaffExists() {
    if (accounts.anyExists()) {
      return;
    }
    var config = ConfigProvider.getConfig();
    String username = config.getOptionalValue("iys.admin.username", String.class).orElse("admin");
    Optional<String> password = config.getOptionalValue("iys.admin.password", String.class);
    if (password.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "IYS-ACCESS-001 no staff account exists and iys.admin.password is not set;"
              + " staff endpoints stay closed until it is");
      return;
    }
    try {
      accounts.create(username, password.get(), Set.of(StaffUser.ADMIN));
    } catch (RuntimeException e) {
      // Another instance starting at the same moment may have created it first (unique username),
      // or the configured password is too short; either way this instance carries on.
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "IYS-ACCESS-002 the first administrator was not created here",
          e);
    }
  }
}
