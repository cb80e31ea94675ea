package org.iys.web.rest.staff;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Set;
import org.iys.application.access.StaffAccounts;
import org.iys.application.audit.Audit;
import org.iys.domain.access.StaffUser;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.security.StaffCaller;

/** Admins create further staff accounts here. */
@Path("staff/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffUserResource {

  private static final Set<String> ROLES =
      Set.of(StaffUser.OPERATOR, StaffUser.SUPERVISOR, StaffUser.ADMIN);

  @EJB private StaffAccounts accounts;

  @EJB private Audit audit;

  @Inject private StaffCaller staff;

  @POST
  public Response create(JsonObject body) {
    staff.requireRole(StaffUser.ADMIN);
    if (body == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS119));
    }
    var created =
        accounts.create(
            text(body.get("username")), text(body.get("password")), roles(body.get("roles")));
    audit.record(
        staff.username(),
        "STAFF_USER_CREATED",
        "staff_user",
        created.username(),
        String.join(",", created.roles().stream().sorted().toList()));
    return Response.status(Response.Status.CREATED)
        .entity(
            Json.createObjectBuilder()
                .add("username", created.username())
                .add("roles", Json.createArrayBuilder(created.roles().stream().sorted().toList()))
                .build())
        .build();
  }

  private static Set<String> roles(JsonValue value) {
    Set<String> roles = new HashSet<>();
    if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue role : value.asJsonArray()) {
        roles.add(text(role));
      }
    }
    if (roles.isEmpty() || !ROLES.containsAll(roles)) {
      throw new DomainException(
          Violation.of(ErrorCode.IYS121, "roles", value == null ? null : value.toString()));
    }
    return roles;
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }
}
