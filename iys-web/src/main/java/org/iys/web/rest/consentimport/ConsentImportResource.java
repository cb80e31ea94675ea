package org.iys.web.rest.consentimport;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.iys.batch.consentimport.ConsentImports;
import org.iys.batch.consentimport.ImportProgress;

/** Bulk consent files are uploaded here; each upload starts an import job. */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentImportResource {

  @EJB private ConsentImports imports;

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public Response upload(InputStream file) throws IOException {
    long executionId = imports.start(file);
    return Response.accepted(imports.progress(executionId)).build();
  }

  @GET
  @Path("{executionId}")
  public ImportProgress progress(@PathParam("executionId") long executionId) {
    return imports.progress(executionId);
  }
}
