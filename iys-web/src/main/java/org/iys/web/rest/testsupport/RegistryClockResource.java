package org.iys.web.rest.testsupport;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.iys.application.clock.RegistryClock;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;

/**
 * Lets integration tests set the registry's clock ({@code {"now":"yyyy-MM-dd HH:mm:ss"}}, Turkey
 * time). It exists only on a server started with {@code -Diys.registry.clock=settable}; anywhere
 * else every method answers 404, as if the path did not exist.
 */
@RequestScoped
@Path("test/clock")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryClockResource {

  @Inject private RegistryClock clock;

  @GET
  public JsonObject now() {
    requireSettable();
    return Json.createObjectBuilder().add("now", ConsentDate.format(clock.now())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject set(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
    requireSettable();
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS014);
    if (!(request.get("now") instanceof String now)) {
      throw new DomainException(Violation.of(ErrorCode.H158, "now", request.get("now")));
    }
    clock.set(ConsentDate.parse(now));
    return now();
  }

  @DELETE
  public Response clear() {
    requireSettable();
    clock.clear();
    return Response.noContent().build();
  }

  private void requireSettable() {
    if (!clock.isSettable()) {
      throw new NotFoundException();
    }
  }
}
