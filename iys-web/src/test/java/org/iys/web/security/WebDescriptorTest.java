package org.iys.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The session settings the staff login relies on, read from the descriptor the WAR ships. */
class WebDescriptorTest {

  @Test
  void staffSessionsEndAfterHalfAnHourIdleAndTheirCookieStaysOffScripts() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document web =
        factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
    XPath xpath = XPathFactory.newInstance().newXPath();

    assertThat(text(xpath, web, "session-config/session-timeout")).isEqualTo("30");
    assertThat(text(xpath, web, "session-config/cookie-config/http-only")).isEqualTo("true");
    assertThat(text(xpath, web, "session-config/tracking-mode")).isEqualTo("COOKIE");
    assertThat(text(xpath, web, "session-config/cookie-config/attribute/attribute-value"))
        .isEqualTo("Lax");
  }

  /**
   * The container resolves welcome files against the folder asked for and takes the first that
   * exists; both the site root and {@code /staff/} must reach the dashboard that way.
   */
  @Test
  void theRootAndTheStaffFolderBothWelcomeWithTheDashboard() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Path webapp = Path.of("src/main/webapp");
    Document web = factory.newDocumentBuilder().parse(webapp.resolve("WEB-INF/web.xml").toFile());
    var files =
        (org.w3c.dom.NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate("//*[local-name()='welcome-file']", web, XPathConstants.NODESET);
    var welcome = new java.util.ArrayList<String>();
    for (int i = 0; i < files.getLength(); i++) {
      welcome.add(files.item(i).getTextContent().strip());
    }

    for (String folder : new String[] {"", "staff/"}) {
      var landing =
          welcome.stream()
              .map(file -> webapp.resolve(folder + file))
              .filter(java.nio.file.Files::isRegularFile)
              .findFirst();
      assertThat(landing)
          .as("welcome page of /" + folder)
          .contains(webapp.resolve("staff/index.xhtml"));
    }
  }

  private static String text(XPath xpath, Document web, String path) throws Exception {
    String steps =
        Arrays.stream(path.split("/"))
            .map(step -> "*[local-name()='" + step + "']")
            .collect(Collectors.joining("/"));
    return ((String)
            xpath.evaluate("/*[local-name()='web-app']/" + steps, web, XPathConstants.STRING))
        .strip();
  }
}
