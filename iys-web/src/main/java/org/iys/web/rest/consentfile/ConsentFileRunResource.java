package org.iys.web.rest.consentfile;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iys.batch.consentimport.ConsentImports;
import org.iys.domain.access.StaffUser;
import org.iys.web.rest.security.StaffCaller;

/**
 * For supervisors and admins: runs the nightly import now (inbox collection, then every waiting
 * file). Starting imports is a supervisor's decision, so an operator is refused like any other
 * state change.
 */
@Path("staff/consent-files/nightly-run")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentFileRunResource {

  @EJB private ConsentImports imports;

  @Inject private StaffCaller staff;

  @POST
  public JsonObject runNow() {
    staff.requireRole(StaffUser.SUPERVISOR, StaffUser.ADMIN);
    return Json.createObjectBuilder().add("started", imports.startWaiting()).build();
  }
}
