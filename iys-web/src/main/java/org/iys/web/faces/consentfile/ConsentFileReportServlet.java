package org.iys.web.faces.consentfile;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.iys.application.consentfile.ConsentFileView;
import org.iys.application.consentfile.ConsentFiles;
import org.iys.batch.consentimport.ConsentImports;

/**
 * The row report of a consent file as a CSV download for staff ({@code ?id=}). It lives under
 * {@code /staff/}, so only a logged-in staff member reaches it; a plain GET keeps it a link the
 * browser can save.
 */
@WebServlet("/staff/consent-files/report")
public class ConsentFileReportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB private ConsentFiles files;

  @EJB private ConsentImports imports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getUserPrincipal() == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    Optional<ConsentFileView> file = id(request.getParameter("id")).flatMap(files::find);
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id = file.get().id();
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"consent-file-" + id + "-report.csv\"");
    imports.report(file.get().iysCode(), file.get().brandCode(), id, response.getOutputStream());
  }

  private static Optional<Long> id(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
