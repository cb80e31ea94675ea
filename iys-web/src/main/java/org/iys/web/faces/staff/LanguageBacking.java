package org.iys.web.faces.staff;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The language of the screens for this session: Turkish unless the staff member chose English. */
@Named
@SessionScoped
public class LanguageBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private String language = "tr";

  public Locale getLocale() {
    return Locale.forLanguageTag(language);
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = "en".equals(language) ? "en" : "tr";
  }

  /** Applies the chosen language to the page being shown, without leaving it. */
  public void changed() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
  }
}
