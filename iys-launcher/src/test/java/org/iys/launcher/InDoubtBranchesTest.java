package org.iys.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

class InDoubtBranchesTest {

  private static final int JTS_FORMAT = 4871251;

  @Test
  void onlyTheBranchesNamedAfterThisServerAreRolledBack() throws Exception {
    Xid mine = xid("iys-vm-8080,server,P100,\0");
    Xid neighbour = xid("iys-vm-8081,server,P100,\0");
    Xid longerName = xid("iys-vm-80800,server,P100,\0");
    var resource = new PreparedResource(List.of(mine, neighbour, longerName));

    int settled = InDoubtBranches.settle(resource, "iys-vm-8080");

    assertThat(settled).isOne();
    assertThat(resource.rolledBack).containsExactly(mine);
  }

  @Test
  void aResourceWithNothingPreparedIsLeftAlone() throws Exception {
    var resource = new PreparedResource(null);

    assertThat(InDoubtBranches.settle(resource, "iys-vm-8080")).isZero();
    assertThat(resource.rolledBack).isEmpty();
  }

  @Test
  void theTransactionNameCarriesThePortAndStaysShortEnoughForPayaraToKeepIt() {
    String name = PayaraMicro.transactionName(65535);

    assertThat(name).startsWith("iys-").endsWith("-65535").doesNotContain(",");
    // Payara hashes a server name longer than 56 characters; it appends ",server,P100".
    assertThat((name + ",server,P100").length()).isLessThanOrEqualTo(56);
  }

  private static Xid xid(String qualifier) {
    byte[] branch = qualifier.getBytes(StandardCharsets.US_ASCII);
    return new Xid() {
      @Override
      public int getFormatId() {
        return JTS_FORMAT;
      }

      @Override
      public byte[] getGlobalTransactionId() {
        return new byte[] {1, 2, 3};
      }

      @Override
      public byte[] getBranchQualifier() {
        return branch.clone();
      }
    };
  }

  /** An XA resource that reports the given branches as prepared and records its rollbacks. */
  private static final class PreparedResource implements XAResource {

    private final List<Xid> prepared;

    private final List<Xid> rolledBack = new ArrayList<>();

    PreparedResource(List<Xid> prepared) {
      this.prepared = prepared;
    }

    @Override
    public Xid[] recover(int flag) {
      return prepared == null ? null : prepared.toArray(Xid[]::new);
    }

    @Override
    public void rollback(Xid xid) {
      rolledBack.add(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
      throw new AssertionError("a branch in doubt is never committed here");
    }

    @Override
    public void end(Xid xid, int flags) {}

    @Override
    public void forget(Xid xid) {}

    @Override
    public int getTransactionTimeout() {
      return 0;
    }

    @Override
    public boolean isSameRM(XAResource other) {
      return other == this;
    }

    @Override
    public int prepare(Xid xid) {
      return XA_OK;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
      return false;
    }

    @Override
    public void start(Xid xid, int flags) {}
  }
}
