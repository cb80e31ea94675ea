package org.iys.web.faces.reconciliation;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.iys.application.reconciliation.ListComparisonView;
import org.iys.application.reconciliation.ListComparisons;

/**
 * The difference report of any brand's list comparison as a CSV download for staff ({@code ?id=}).
 * Under {@code /staff/}, so only a logged-in staff member reaches it.
 */
@WebServlet("/staff/list-comparisons/report")
public class ListComparisonReportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB private ListComparisons comparisons;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getUserPrincipal() == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    Optional<ListComparisonView> comparison =
        id(request.getParameter("id")).flatMap(comparisons::find);
    if (comparison.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ListComparisonView found = comparison.get();
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"list-comparison-" + found.id() + "-report.csv\"");
    comparisons.report(found.iysCode(), found.brandCode(), found.id(), response.getOutputStream());
  }

  private static Optional<Long> id(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
