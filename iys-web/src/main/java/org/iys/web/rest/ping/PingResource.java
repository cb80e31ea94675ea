package org.iys.web.rest.ping;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers without touching anything: a liveness probe for load balancers and the HTTP floor of the
 * stack that the sending-check benchmark compares against.
 */
@Path("ping")
public class PingResource {

  private static final String PONG = "{\"ping\":\"pong\"}";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String ping() {
    return PONG;
  }
}
