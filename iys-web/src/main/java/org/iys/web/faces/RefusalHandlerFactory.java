package org.iys.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import org.iys.domain.error.DomainException;

/**
 * Turns a refusal from the application services ({@link DomainException}, also when it arrives
 * wrapped by the container) into messages on the same page, so that backing beans need no
 * try/catch. Anything else goes on to the default handling.
 */
public class RefusalHandlerFactory extends ExceptionHandlerFactory {

  public RefusalHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new RefusalHandler(getWrapped().getExceptionHandler());
  }

  private static final class RefusalHandler extends ExceptionHandlerWrapper {

    RefusalHandler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        DomainException refusal = refusal(events.next().getContext().getException());
        if (refusal != null) {
          events.remove();
          Messages.of(refusal);
          FacesContext.getCurrentInstance().renderResponse();
        }
      }
      getWrapped().handle();
    }

    private static DomainException refusal(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof DomainException domain) {
          return domain;
        }
      }
      return null;
    }
  }
}
