package org.iys.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One thin slice through every technology, on Payara Micro with MariaDB and Artemis. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SkeletonIT {

  @ArquillianResource private URL deployment;

  private Http http;

  @Deployment(testable = false)
  static WebArchive iys() {
    return Deployments.iys();
  }

  @BeforeEach
  void client() {
    http = new Http(deployment);
  }

  @Test
  void healthIsUpWithDatabaseAndBroker() {
    Slices.healthIsUpWithDatabaseAndBroker(http);
  }

  @Test
  void openApiDocumentIsServed() {
    assertThat(http.get("/openapi").body()).contains("/api/businesses/applications");
  }

  @Test
  void anApplicationIsStoredAndReadBack() {
    Slices.anApplicationIsStoredAndReadBack(http);
  }

  @Test
  void aComplaintTravelsOverTheQueueIntoTheDatabase() {
    Slices.aComplaintTravelsOverTheQueueIntoTheDatabase(http);
  }

  @Test
  void aMessageThatAlwaysFailsEndsInTheDeadLetterQueue() {
    http.postJson(
        "/api/complaints",
        "{\"brand\":\"600001\",\"channel\":\"MESAJ\",\"recipient\":\"+905321234567\","
            + "\"receivedAt\":\"not a time\"}");

    await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters("DLQ.iys.complaints") >= 1);
  }

  @Test
  void aBatchJobImportsACsvFileAndReportsItsStatus() {
    Slices.aBatchJobImportsACsvFileAndReportsItsStatus(http);
  }

  @Test
  @Disabled(
      "Form posts are decoded as ISO-8859-1, so Turkish letters are stored garbled; enable once"
          + " iys-web's WEB-INF/web.xml declares <request-character-encoding>UTF-8")
  void staffRecordAnApplicationInTheBrowserAndSeeItListed() throws Exception {
    StaffScreens.anApplicationEnteredInTheFormIsListed(http, "micro");
  }

  private static long deadLetters(String queue) {
    var found = TestStack.broker().server().locateQueue(SimpleString.of(queue));
    return found == null ? 0 : found.getMessageCount();
  }
}
