package org.iys.web.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.junit.jupiter.api.Test;

/** Reason phrases and waiting times of refusals, without a server. */
class StatusLineTest {

  @Test
  void statusesTheServerLacksGetTheirStandardPhrase() {
    assertThat(Statuses.reasonPhrase(422)).isEqualTo("Unprocessable Entity");
    assertThat(Statuses.reasonPhrase(429)).isEqualTo("Too Many Requests");
    assertThat(Statuses.reasonPhrase(403)).isEqualTo("Forbidden");
    assertThat(Statuses.of(422).getReasonPhrase()).isEqualTo("Unprocessable Entity");
    assertThat(Statuses.of(422).getStatusCode()).isEqualTo(422);
    assertThat(Statuses.of(429).getReasonPhrase()).isEqualTo("Too Many Requests");
    assertThat(Statuses.of(404).getReasonPhrase()).isEqualTo("Not Found");
    assertThat(Statuses.missingFromServer(404)).isFalse();
  }

  @Test
  void retryAfterIsTheBucketsWaitRoundedUpOrAnHourWhenUnknown() {
    assertThat(RateLimited.seconds(1)).isEqualTo(1);
    assertThat(RateLimited.seconds(1_000_000_000L)).isEqualTo(1);
    assertThat(RateLimited.seconds(179_000_000_001L)).isEqualTo(180);
    assertThat(RateLimited.seconds(0)).isEqualTo(1);

    var hourly = new RateLimited(Violation.of(ErrorCode.H084), 180);
    var unknown = new DomainException(Violation.of(ErrorCode.IYS303));

    assertThat(hourly.httpStatus()).isEqualTo(429);
    assertThat(DomainExceptionMapper.retryAfterSeconds(hourly)).isEqualTo(180);
    assertThat(DomainExceptionMapper.retryAfterSeconds(unknown)).isEqualTo(3600);
  }

  @Test
  void thePhraseReachesTheHttpLayerBehindTheContainersRequest() {
    var http = new HttpLayerResponse();

    boolean given =
        ReasonPhraseFilter.givePhrase(new ContainerFacade(http), 429, "Too Many Requests");

    assertThat(given).isTrue();
    assertThat(http.statuses).containsExactly("429 Too Many Requests");
  }

  @Test
  void aServerWithoutThatPathKeepsTheAnswerAsItIs() {
    assertThat(ReasonPhraseFilter.givePhrase(new Object(), 422, "Unprocessable Entity")).isFalse();
  }

  /** The shape of the container's request facade: public methods leading to the HTTP layer. */
  public static final class ContainerFacade {
    private final HttpLayerResponse response;

    ContainerFacade(HttpLayerResponse response) {
      this.response = response;
    }

    public ContainerRequest getUnwrappedCoyoteRequest() {
      return new ContainerRequest(response);
    }
  }

  public static final class ContainerRequest {
    private final HttpLayerResponse response;

    ContainerRequest(HttpLayerResponse response) {
      this.response = response;
    }

    public HttpLayerRequest getCoyoteRequest() {
      return new HttpLayerRequest(response);
    }
  }

  public static final class HttpLayerRequest {
    private final HttpLayerResponse response;

    HttpLayerRequest(HttpLayerResponse response) {
      this.response = response;
    }

    public HttpLayerResponse getResponse() {
      return response;
    }
  }

  public static final class HttpLayerResponse {
    final List<String> statuses = new java.util.ArrayList<>();

    public void setStatus(int status, String phrase) {
      statuses.add(status + " " + phrase);
    }
  }
}
