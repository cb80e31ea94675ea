package org.iys.web.rest.citizen;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iys.application.citizen.RejectLinks;
import org.iys.domain.consent.ConsentDate;

/**
 * The reject link of an ONAY notice. Opening it ({@code GET}) only shows what it would reject and a
 * button: mail scanners and link previews fetch links, and must not spend them. The button ({@code
 * POST}, a form) records the rejection and spends the link; a JSON client may post directly.
 */
@RequestScoped
@Path("citizen/reject/{token}")
public class RejectLinkResource {

  @EJB private RejectLinks links;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String show(@PathParam("token") String token) {
    var link = links.show(token);
    String what = escape(link.brandName()) + " (" + link.type() + ")";
    String body =
        link.used()
            ? "<p>This link has already been used; the consent for " + what + " was rejected.</p>"
            : "<p>Reject your consent for "
                + what
                + "? The link is valid until "
                + ConsentDate.format(link.expires())
                + " (Turkey time).</p><form method=\"post\"><button type=\"submit\">Reject"
                + "</button></form>";
    return page(body);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String useFromPage(@PathParam("token") String token) {
    var used = links.use(token);
    return page(
        used == RejectLinks.Used.REJECTED
            ? "<p>Your rejection has been recorded.</p>"
            : "<p>This consent had already been rejected.</p>");
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject use(@PathParam("token") String token) {
    return Json.createObjectBuilder().add("outcome", links.use(token).name()).build();
  }

  private static String page(String body) {
    return "<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"UTF-8\"><title>iys</title>"
        + "</head><body>"
        + body
        + "</body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
