package org.iys.web.rest.consentfile;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.iys.application.consentfile.ConsentFileView;
import org.iys.batch.consentimport.ConsentImports;
import org.iys.web.rest.security.BusinessCaller;

/**
 * A brand's bulk consent files: upload (the raw file as the body, CSV or JSON lines), start,
 * resume, progress and the downloadable report.
 */
@Path("sps/{iysCode}/brands/{brandCode}/consent-files")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentFileResource {

  @EJB private ConsentImports imports;

  @Inject private BusinessCaller caller;

  @PathParam("iysCode")
  private int iysCode;

  @PathParam("brandCode")
  private int brandCode;

  /**
   * Receives a file. With {@code start=true} its import starts at once; otherwise it waits for the
   * nightly run. The same content sent again is answered 409 with the earlier file's id. The file's
   * name comes from {@code fileName} (query) or {@code X-File-Name}; see {@link FileNames}.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      InputStream body,
      @HeaderParam("X-File-Name") String headerName,
      @QueryParam("fileName") String queryName,
      @QueryParam("start") @DefaultValue("false") boolean start,
      @Context UriInfo uri)
      throws IOException {
    caller.requireBrand(iysCode, brandCode);
    ConsentFileView file =
        imports.receive(iysCode, brandCode, body, FileNames.given(queryName, headerName));
    if (start) {
      file = imports.start(iysCode, brandCode, file.id());
    }
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(file.id())).build())
        .entity(file)
        .build();
  }

  @GET
  @Path("{id}")
  public ConsentFileView progress(@PathParam("id") long id) {
    caller.requireBrand(iysCode, brandCode);
    return imports.progress(iysCode, brandCode, id);
  }

  @POST
  @Path("{id}/start")
  public Response start(@PathParam("id") long id) {
    caller.requireBrand(iysCode, brandCode);
    return Response.accepted(imports.start(iysCode, brandCode, id)).build();
  }

  /** Continues an import that failed or whose server stopped, after the rows already imported. */
  @POST
  @Path("{id}/resume")
  public Response resume(@PathParam("id") long id) {
    caller.requireBrand(iysCode, brandCode);
    return Response.accepted(imports.resume(iysCode, brandCode, id)).build();
  }

  @GET
  @Path("{id}/report")
  @Produces("text/csv; charset=UTF-8")
  public Response report(@PathParam("id") long id) {
    caller.requireBrand(iysCode, brandCode);
    imports.progress(iysCode, brandCode, id);
    StreamingOutput csv = out -> imports.report(iysCode, brandCode, id, out);
    return Response.ok(csv)
        .header(
            "Content-Disposition", "attachment; filename=\"consent-file-" + id + "-report.csv\"")
        .build();
  }
}
