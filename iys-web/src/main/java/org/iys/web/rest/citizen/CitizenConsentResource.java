package org.iys.web.rest.citizen;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.iys.application.citizen.CitizenConsents;
import org.iys.application.citizen.CitizenConsents.Channel;
import org.iys.application.citizen.CitizenConsents.CitizenConsent;
import org.iys.domain.consent.ConsentDate;
import org.iys.domain.consent.ConsentStatus;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.consent.RecipientType;
import org.iys.domain.error.ErrorCode;
import org.iys.web.rest.json.StrictJson;

/**
 * The citizen web and mobile apps' API over the addresses of the caller's session. The same paths
 * under {@code mobile/} are the app's: its changes carry {@code IYS_MOBIL}.
 *
 * <ul>
 *   <li>{@code GET consents}: {@code {"addresses":[…],"list":[{brandCode, brandName, recipient,
 *       type, recipientType, status, since (Turkey time), source}]}}
 *   <li>{@code POST consents {"recipient","brandCode","type","status","recipientType"?}}: {@code
 *       {"transactionId","creationDate"}}; recipientType defaults to BIREYSEL
 *   <li>{@code POST consents/reject-all {"recipient"}}: {@code {"rejected":n}}
 * </ul>
 */
@RequestScoped
@Path("citizen/{client: (?:mobile/)?}consents")
@Produces(MediaType.APPLICATION_JSON)
public class CitizenConsentResource {

  @Inject private CitizenCaller caller;

  @EJB private CitizenConsents consents;

  @GET
  public JsonObject list() {
    List<String> addresses = caller.requireAddresses();
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (CitizenConsent consent : consents.of(addresses)) {
      list.add(json(consent));
    }
    return Json.createObjectBuilder()
        .add("addresses", Json.createArrayBuilder(addresses))
        .add("list", list)
        .build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject change(
      @PathParam("client") String client,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    List<String> addresses = caller.requireAddresses();
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS119);
    String recipient = CitizenJson.text(request, "recipient", ErrorCode.IYS312);
    int brandCode = CitizenJson.brandCode(request);
    var type =
        CitizenJson.choice(
            ConsentType.class, "type", CitizenJson.text(request, "type", ErrorCode.IYS312));
    var status =
        CitizenJson.choice(
            ConsentStatus.class, "status", CitizenJson.text(request, "status", ErrorCode.IYS312));
    String recipientTypeText = CitizenJson.optionalText(request, "recipientType", ErrorCode.IYS312);
    var recipientType =
        recipientTypeText == null
            ? RecipientType.BIREYSEL
            : CitizenJson.choice(RecipientType.class, "recipientType", recipientTypeText);

    var recorded =
        consents.change(
            addresses, recipient, brandCode, type, recipientType, status, channel(client));

    return Json.createObjectBuilder()
        .add("transactionId", recorded.transactionId())
        .add("creationDate", ConsentDate.format(recorded.creationDate()))
        .build();
  }

  @POST
  @Path("reject-all")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject rejectAll(
      @PathParam("client") String client,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    List<String> addresses = caller.requireAddresses();
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS119);
    String recipient = CitizenJson.text(request, "recipient", ErrorCode.IYS312);

    int rejected = consents.rejectAll(addresses, recipient, channel(client));

    return Json.createObjectBuilder().add("rejected", rejected).build();
  }

  private static Channel channel(String client) {
    return client != null && client.startsWith("mobile") ? Channel.MOBILE : Channel.WEB;
  }

  private static JsonObjectBuilder json(CitizenConsent consent) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("brandCode", consent.brandCode())
            .add("brandName", consent.brandName())
            .add("recipient", consent.recipient())
            .add("type", consent.type().name())
            .add("recipientType", consent.recipientType().name())
            .add("status", consent.status().name())
            .add("since", ConsentDate.format(consent.since()));
    if (consent.source() != null) {
      json.add("source", consent.source().name());
    }
    return json;
  }
}
