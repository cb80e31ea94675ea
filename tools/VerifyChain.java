import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a brand's hash chain from daily movement files a business downloaded, without trusting
 * the server's arithmetic: each file is hashed here and linked to the previous day's chain hash.
 *
 * <pre>
 * java tools/VerifyChain.java DIR [--previous CHAIN_HASH] [--expect VERIFY_OR_AGREEMENT_JSON...]
 * </pre>
 *
 * DIR holds files named {@code yyyy-MM-dd.csv} (from {@code GET …/changes/{reportDate}/file}); a
 * day between the first and the last file that has no file is an empty day, as the server answers
 * 204 for it. {@code --previous} is the chain hash of the day before the first file (the zeros of
 * the genesis when the first file is the brand's first day). Each {@code --expect} file is a JSON
 * answer of {@code GET …/changes/chain/verify} or {@code GET …/agreements/{reportDate}}; every
 * {@code reportDate}/{@code chainHash} pair in it must match. Exit status 0 when all match.
 */
public class VerifyChain {

  private static final String HEADER =
      "creationDate,transactionId,recipient,recipientType,type,status,consentDate,source\n";

  private static final Pattern DAY_FILE = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})\\.csv");

  private static final Pattern PAIR =
      Pattern.compile(
          "\"reportDate\"\\s*:\\s*\"([0-9-]{10})\"[^{}]*?\"chainHash\"\\s*:\\s*\"([0-9a-f]{96})\"");

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: VerifyChain DIR [--previous HASH] [--expect FILE]...");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String previous = "0".repeat(96);
    Map<LocalDate, String> expected = new TreeMap<>();
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--previous" -> previous = args[i + 1];
        case "--expect" -> {
          Matcher pairs = PAIR.matcher(Files.readString(Path.of(args[i + 1])));
          while (pairs.find()) {
            expected.put(LocalDate.parse(pairs.group(1)), pairs.group(2));
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }

    Map<LocalDate, Path> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(dir)) {
      listing.forEach(
          file -> {
            Matcher name = DAY_FILE.matcher(file.getFileName().toString());
            if (name.matches()) {
              files.put(LocalDate.parse(name.group(1)), file);
            }
          });
    }
    if (files.isEmpty()) {
      System.err.println("no yyyy-MM-dd.csv files in " + dir);
      System.exit(2);
    }
    LocalDate first = ((TreeMap<LocalDate, Path>) files).firstKey();
    LocalDate last = ((TreeMap<LocalDate, Path>) files).lastKey();
    for (LocalDate day : expected.keySet()) {
      if (day.isAfter(last)) {
        last = day;
      }
    }

    boolean allMatch = true;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      byte[] content =
          files.containsKey(day)
              ? Files.readAllBytes(files.get(day))
              : HEADER.getBytes(StandardCharsets.UTF_8);
      String fileHash = sha384(content);
      String chain =
          sha384((previous + "\n" + day + "\n" + fileHash).getBytes(StandardCharsets.US_ASCII));
      String want = expected.get(day);
      String verdict = want == null ? "(no expectation)" : want.equals(chain) ? "OK" : "MISMATCH";
      allMatch &= want == null || want.equals(chain);
      System.out.println(day + " file " + fileHash + " chain " + chain + " " + verdict);
      previous = chain;
    }
    System.out.println(allMatch ? "chain verified" : "chain BROKEN");
    System.exit(allMatch ? 0 : 1);
  }

  private static String sha384(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(bytes));
  }
}
