package org.iys.launcher;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * A real Artemis broker with a journal on disk, listening on loopback only and requiring a login. A
 * message that fails {@value #DELIVERY_ATTEMPTS} times goes to its queue's dead-letter queue
 * ({@code DLQ.<queue>}), where staff can inspect and replay it.
 */
public final class EmbeddedBroker implements AutoCloseable {

  public static final int DELIVERY_ATTEMPTS = 5;

  /** The broker stops taking messages when less than this is left on the journal's disk. */
  static final long MIN_DISK_FREE_BYTES = 1L << 30;

  private final EmbeddedActiveMQ broker;

  private EmbeddedBroker(EmbeddedActiveMQ broker) {
    this.broker = broker;
  }

  /** Starts the broker; port 0 is not supported by Artemis, so callers pick a free port. */
  public static EmbeddedBroker start(Path home, int port, String user, String password)
      throws Exception {
    var config = new ConfigurationImpl();
    config.setPersistenceEnabled(true);
    config.setSecurityEnabled(true);
    config.setJournalDirectory(home.resolve("journal").toString());
    config.setBindingsDirectory(home.resolve("bindings").toString());
    config.setLargeMessagesDirectory(home.resolve("large-messages").toString());
    config.setPagingDirectory(home.resolve("paging").toString());
    config.setJMXManagementEnabled(false);
    // The default blocks every producer once the disk is 90% used, which on a large shared disk
    // stops complaints while gigabytes are still free; block on an absolute reserve instead.
    config.setMaxDiskUsage(-1);
    config.setMinDiskFree(MIN_DISK_FREE_BYTES);
    config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
    config.addAddressSetting("#", deadLettering());

    var security = new SecurityConfiguration();
    security.addUser(user, password);
    security.addRole(user, "iys");
    var roles = new java.util.HashSet<org.apache.activemq.artemis.core.security.Role>();
    roles.add(
        new org.apache.activemq.artemis.core.security.Role(
            "iys", true, true, true, true, true, true, true, true, true, true, false, false));
    config.putSecurityRoles("#", roles);

    var embedded = new EmbeddedActiveMQ();
    embedded.setConfiguration(config);
    embedded.setSecurityManager(
        new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), security));
    embedded.start();
    return new EmbeddedBroker(embedded);
  }

  public ActiveMQServer server() {
    return broker.getActiveMQServer();
  }

  private static AddressSettings deadLettering() {
    return new AddressSettings()
        .setMaxDeliveryAttempts(DELIVERY_ATTEMPTS)
        .setRedeliveryDelay(200)
        .setDeadLetterAddress(SimpleString.of("DLQ"))
        .setAutoCreateDeadLetterResources(true)
        .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
        .setAutoCreateQueues(true)
        .setAutoCreateAddresses(true);
  }

  @Override
  public void close() throws Exception {
    broker.stop();
  }
}
