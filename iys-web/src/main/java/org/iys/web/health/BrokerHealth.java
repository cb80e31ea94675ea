package org.iys.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker accepts a connection. */
@Readiness
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

  @Resource(lookup = "jms/iys")
  private ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createQueue("iys.health");
      return HealthCheckResponse.up("broker");
    } catch (JMSRuntimeException | IllegalStateException e) {
      return HealthCheckResponse.down("broker");
    }
  }
}
