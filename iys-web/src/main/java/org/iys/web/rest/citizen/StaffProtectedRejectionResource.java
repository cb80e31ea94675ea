package org.iys.web.rest.citizen;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iys.application.citizen.ProtectedRejections;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.StaffCaller;

/**
 * Business ONAYs refused over a citizen's own rejection (IYS001), newest first: {@code
 * ?limit=1..500} (default 100) and {@code ?before=<id>} to page back.
 */
@RequestScoped
@Path("staff/protected-rejections")
@Produces(MediaType.APPLICATION_JSON)
public class StaffProtectedRejectionResource {

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;

  @Inject private StaffCaller staff;

  @EJB private ProtectedRejections rejections;

  @GET
  public JsonArray list(
      @QueryParam("limit") String limitText, @QueryParam("before") String before) {
    staff.requireRole("operator", "supervisor", "admin");
    int limit = limit(limitText);
    Long beforeId = before == null ? null : (long) number(before, 0);

    JsonArrayBuilder list = Json.createArrayBuilder();
    for (var attempt : rejections.latest(limit, beforeId)) {
      list.add(
          Json.createObjectBuilder()
              .add("id", attempt.id())
              .add("iysCode", attempt.iysCode())
              .add("brandCode", attempt.brandCode())
              .add("recipient", attempt.recipient())
              .add("recipientType", attempt.recipientType().name())
              .add("type", attempt.type().name())
              .add("attemptedAt", ConsentDate.format(attempt.attemptedAt())));
    }
    return list.build();
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    if (!text.matches("[0-9]{1,9}")
        || Integer.parseInt(text) < 1
        || Integer.parseInt(text) > MAX_LIMIT) {
      throw new DomainException(
          Violation.of(ErrorCode.H182, "limit", text)
              .withMessage("The limit must be a whole number from 1 to " + MAX_LIMIT + "."));
    }
    return Integer.parseInt(text);
  }

  private static int number(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new DomainException(Violation.of(ErrorCode.IYS014, "query", text));
    }
  }
}
