package org.iys.launcher;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Settles the transaction branches a killed server left prepared in the broker and the database,
 * before the next server under the same transaction name starts.
 *
 * <p>Payara Micro's own recovery cannot do it: it runs while the server boots, before the post-boot
 * commands deploy the Artemis adapter and create the pools, so it finds no resource to ask and
 * consumes its log with nothing recovered. The broker then withholds the messages of a prepared
 * branch from every consumer for as long as the branch lives, which is forever.
 *
 * <p>Every such branch is rolled back, which is the transaction manager's own rule for a branch its
 * log does not show as committed, and is right for the committed ones too: the database takes part
 * in these transactions as a last agent, so its work is committed or not before the broker's branch
 * is decided, and a complaint whose branch rolls back is delivered again and recognised by its
 * idempotency key. Only branches named after this server are touched, and only while no server of
 * that name runs, so no live transaction of this or another instance is decided here.
 */
public final class InDoubtBranches {

  private InDoubtBranches() {}

  /** Rolls back this server's prepared branches in the broker; returns how many. */
  public static int settleBroker(String host, int port, String user, String password, String name)
      throws Exception {
    var url = "tcp://" + host + ":" + port + "?reconnectAttempts=0&initialConnectAttempts=3";
    try (var factory = new ActiveMQXAConnectionFactory(url);
        var connection = factory.createXAConnection(user, password);
        var session = connection.createXASession()) {
      return settle(session.getXAResource(), name);
    }
  }

  /** Rolls back this server's prepared branches in the database; returns how many. */
  public static int settleDatabase(String jdbcUrl, String user, String password, String name)
      throws SQLException, XAException {
    var source = new MariaDbDataSource(jdbcUrl);
    source.setUser(user);
    source.setPassword(password);
    var connection = source.getXAConnection();
    try {
      return settle(connection.getXAResource(), name);
    } finally {
      connection.close();
    }
  }

  static int settle(XAResource resource, String name) throws XAException {
    int settled = 0;
    for (Xid xid : prepared(resource)) {
      if (ours(xid, name)) {
        resource.rollback(xid);
        settled++;
      }
    }
    return settled;
  }

  private static List<Xid> prepared(XAResource resource) throws XAException {
    Xid[] found = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
    return found == null ? List.of() : new ArrayList<>(Arrays.asList(found));
  }

  /**
   * Payara starts every branch qualifier with its transaction server name and a comma; the name
   * begins with the {@code xa-servername} the launcher gives it.
   */
  static boolean ours(Xid xid, String name) {
    byte[] prefix = (name + ",").getBytes(StandardCharsets.US_ASCII);
    byte[] qualifier = xid.getBranchQualifier();
    return qualifier != null
        && qualifier.length >= prefix.length
        && Arrays.equals(qualifier, 0, prefix.length, prefix, 0, prefix.length);
  }
}
