package org.iys.domain.retailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void withoutParametersThePageIsTheFirst100() {
    assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 100));
  }

  @Test
  void theCurrentPageCountsFromOne() {
    PageRequest page = PageRequest.of("20", "10");

    assertThat(page.currentPage()).isEqualTo(3);
  }

  @Test
  void limitsOutsideOneTo100AndNegativeOffsetsAreRefused() {
    assertThat(code(null, "101")).isEqualTo(ErrorCode.H186);
    assertThat(code(null, "0")).isEqualTo(ErrorCode.H187);
    assertThat(code(null, "-1")).isEqualTo(ErrorCode.H182);
    assertThat(code(null, "ten")).isEqualTo(ErrorCode.H182);
    assertThat(code("-1", "10")).isEqualTo(ErrorCode.H183);
    assertThat(PageRequest.of("0", "100").limit()).isEqualTo(100);
  }

  private static ErrorCode code(String offset, String limit) {
    return catchThrowableOfType(DomainException.class, () -> PageRequest.of(offset, limit))
        .violations()
        .get(0)
        .code();
  }
}
