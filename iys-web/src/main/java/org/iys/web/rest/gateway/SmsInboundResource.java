package org.iys.web.rest.gateway;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.citizen.SmsKeywords;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.json.StrictJson;

/**
 * Where the SMS gateway hands over messages sent to the registry's short number: {@code
 * {"messageId","from","text"}} to {@code {"outcome"}}. The gateway proves itself with the shared
 * secret in {@code X-Gateway-Secret}, configured as {@code iys.citizen.sms-gateway-secret}
 * (environment {@code IYS_CITIZEN_SMS_GATEWAY_SECRET}); without that setting every call is refused.
 * A message id seen before answers {@code DUPLICATE} and changes nothing.
 */
@RequestScoped
@Path("gateway/sms/inbound")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SmsInboundResource {

  /** The configuration key of the gateway's shared secret. */
  public static final String SECRET_KEY = "iys.citizen.sms-gateway-secret";

  @EJB private SmsKeywords keywords;

  @POST
  public JsonObject receive(
      @HeaderParam("X-Gateway-Secret") String secret,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    requireGateway(secret);
    Map<String, Object> request =
        StrictJson.object(StrictJson.read(body, length), ErrorCode.IYS314);
    String messageId = text(request, "messageId");
    if (messageId == null || messageId.isBlank() || messageId.length() > 100) {
      throw new DomainException(Violation.of(ErrorCode.IYS314, "messageId", messageId));
    }

    var outcome = keywords.receive(messageId, text(request, "from"), text(request, "text"));

    return Json.createObjectBuilder().add("outcome", outcome.name()).build();
  }

  private static void requireGateway(String presented) {
    String expected =
        ConfigProvider.getConfig().getOptionalValue(SECRET_KEY, String.class).orElse(null);
    if (expected == null
        || presented == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8))) {
      throw new DomainException(Violation.of(ErrorCode.IYS313));
    }
  }

  private static String text(Map<String, Object> request, String field) {
    Object value = request.get(field);
    return value == null ? null : value.toString();
  }
}
