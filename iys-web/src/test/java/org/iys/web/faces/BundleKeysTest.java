package org.iys.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iys.application.reconciliation.ListComparisons;
import org.junit.jupiter.api.Test;

/**
 * Every key the pages and backing beans ask for is in both languages, so no screen shows {@code
 * ???key???} or a bare key in either of them.
 */
class BundleKeysTest {

  private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");

  private static final Pattern MESSAGE_CALL =
      Pattern.compile("Messages\\.(?:info|text)\\(([^;]*)\\);");

  private static final Pattern LITERAL =
      Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(bundle("tr").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("en").stringPropertyNames());
  }

  @Test
  void everyKeyThePagesAndBeansUseIsInBothLanguages() throws IOException {
    Set<String> used = new TreeSet<>();
    used.addAll(matches(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY));
    for (String call : matches(Path.of("src/main/java"), ".java", MESSAGE_CALL)) {
      Matcher literal = LITERAL.matcher(call);
      while (literal.find()) {
        used.add(literal.group(1));
      }
    }
    ListComparisons.KINDS.forEach(kind -> used.add("reconciliation.kind." + kind));
    assertThat(used).hasSizeGreaterThan(50);

    assertThat(bundle("tr").stringPropertyNames()).containsAll(used);
    assertThat(bundle("en").stringPropertyNames()).containsAll(used);
  }

  private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          found.add(matcher.group(1));
        }
      }
    }
    return found;
  }

  private static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    String name = "/org/iys/web/faces/messages_" + language + ".properties";
    try (InputStream in = BundleKeysTest.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
