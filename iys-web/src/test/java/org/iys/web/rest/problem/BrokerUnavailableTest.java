package org.iys.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import org.junit.jupiter.api.Test;

class BrokerUnavailableTest {

  @Test
  void aBrokerFailureWrappedByTheContainerIsRecognised() {
    var commit =
        new IllegalStateException("commit failed", new JMSException("AMQ219014 timed out"));

    assertThat(BrokerUnavailable.causedBy(new EJBException(commit))).isTrue();
  }

  @Test
  void aRefusedSendIsRecognised() {
    assertThat(BrokerUnavailable.causedBy(new JMSRuntimeException("closed"))).isTrue();
  }

  @Test
  void otherFaultsStayInternalErrors() {
    assertThat(BrokerUnavailable.causedBy(new EJBException(new IllegalStateException("bug"))))
        .isFalse();
  }

  @Test
  void aCauseChainThatLoopsEnds() {
    var first = new IllegalStateException("first");
    var second = new IllegalStateException("second", first);
    first.initCause(second);

    assertThat(BrokerUnavailable.causedBy(first)).isFalse();
  }
}
