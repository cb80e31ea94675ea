package org.iys.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The business, citizen and staff REST API: a national İYS client only changes its base URL. */
@ApplicationPath("api")
public class RestApplication extends Application {

  /**
   * Jersey answers OPTIONS and {@code /application.wadl} with a WADL description by default: XML
   * that no İYS client asks for and that lists every internal path. Without it, OPTIONS answers
   * with the Allow header alone.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
