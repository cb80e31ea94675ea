package org.iys.application.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSRuntimeException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.messaging.BrokerRefusal;
import org.junit.jupiter.api.Test;

class BrokerRefusalTest {

  @Test
  void aSendTheBrokerDidNotTakeIsRefusedWith503AndIys015() {
    var refusal = BrokerRefusal.of(new JMSRuntimeException("AMQ219014 timed out"));

    assertThat(refusal.httpStatus()).isEqualTo(503);
    assertThat(refusal.violations()).extracting(Violation::code).containsExactly(ErrorCode.IYS015);
  }
}
