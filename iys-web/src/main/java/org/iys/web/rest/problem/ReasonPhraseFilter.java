package org.iys.web.rest.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts the proper reason phrase on the status line of answers whose status the server's HTTP layer
 * does not know (422, 429), which it would otherwise send as {@code 422 CUSTOM}.
 *
 * <p>Servlet 6 has no way to set a reason phrase, and JAX-RS hands the servlet only the number, so
 * the phrase is given to Payara's HTTP layer (Grizzly) directly: the container's request leads to
 * its Grizzly request and from there to the Grizzly response, whose {@code setStatus(int, String)}
 * keeps a phrase. These are public methods of Payara's classes, reached by reflection so that the
 * module does not compile against server internals. On a server without them the answer keeps its
 * status and only loses the phrase, which HTTP clients ignore anyway.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ReasonPhraseFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final System.Logger LOG = System.getLogger(ReasonPhraseFilter.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new Phrased(request, response));
  }

  /** Hands {@code phrase} to the HTTP layer under {@code request}; false where there is none. */
  static boolean givePhrase(ServletRequest request, int status, String phrase) {
    ServletRequest innermost = request;
    while (innermost instanceof ServletRequestWrapper wrapper) {
      innermost = wrapper.getRequest();
    }
    return givePhrase((Object) innermost, status, phrase);
  }

  /** Walks from the container's own request object to the HTTP layer's response. */
  static boolean givePhrase(Object containerRequest, int status, String phrase) {
    try {
      Object container = call(containerRequest, "getUnwrappedCoyoteRequest");
      Object grizzlyRequest = call(container, "getCoyoteRequest");
      Object grizzlyResponse = call(grizzlyRequest, "getResponse");
      grizzlyResponse
          .getClass()
          .getMethod("setStatus", int.class, String.class)
          .invoke(grizzlyResponse, status, phrase);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "the reason phrase of {0} could not be set", status);
      return false;
    }
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    Object result = target.getClass().getMethod(method).invoke(target);
    if (result == null) {
      throw new NoSuchMethodException(method + " gave nothing");
    }
    return result;
  }

  private static final class Phrased extends HttpServletResponseWrapper {

    private final HttpServletRequest request;

    Phrased(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(status);
      if (Statuses.missingFromServer(status) && !isCommitted()) {
        givePhrase(request, status, Statuses.reasonPhrase(status));
      }
    }
  }
}
