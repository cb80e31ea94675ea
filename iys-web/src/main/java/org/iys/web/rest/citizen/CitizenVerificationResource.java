package org.iys.web.rest.citizen;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.iys.application.citizen.AddressVerifications;
import org.iys.application.citizen.AddressVerifications.Confirmation;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;

/**
 * Proving an address: {@code POST {"address"}} sends a code and answers {@code {"id","expiresAt"}};
 * {@code POST {id}/confirm {"code"}} answers {@code {"token","addresses"}}. A confirmation that
 * carries a live citizen token as {@code Authorization: Bearer} adds the address to that session.
 */
@RequestScoped
@Path("citizen/verifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CitizenVerificationResource {

  @EJB private AddressVerifications verifications;

  @Inject private CitizenCaller caller;

  @POST
  public Response start(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS119);
    String address = CitizenJson.optionalText(request, "address", ErrorCode.IYS301);

    var started = verifications.start(address, caller.client());

    return Response.status(Response.Status.CREATED)
        .entity(
            Json.createObjectBuilder()
                .add("id", started.verificationId())
                .add("expiresAt", ConsentDate.format(started.expires()))
                .build())
        .build();
  }

  @POST
  @Path("{id}/confirm")
  public JsonObject confirm(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS119);
    String code = CitizenJson.optionalText(request, "code", ErrorCode.IYS305);

    Confirmation confirmation = verifications.confirm(id, code, caller.presentedToken());

    return switch (confirmation.outcome()) {
      case CONFIRMED ->
          Json.createObjectBuilder()
              .add("token", confirmation.token())
              .add("addresses", Json.createArrayBuilder(confirmation.addresses()))
              .build();
      case WRONG_CODE ->
          throw new DomainException(
              Violation.of(ErrorCode.IYS305, "code", null)
                  .withMessage(
                      "The code is wrong; "
                          + confirmation.triesLeft()
                          + " more tries are allowed before a new code is needed."));
      case EXPIRED -> throw new DomainException(Violation.of(ErrorCode.IYS306));
      case TOO_MANY_TRIES -> throw new DomainException(Violation.of(ErrorCode.IYS307));
      case ALREADY_CONFIRMED -> throw new DomainException(Violation.of(ErrorCode.IYS308));
      case UNKNOWN -> throw new DomainException(Violation.of(ErrorCode.IYS304));
    };
  }
}
