package org.iys.batch.consentimport;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.consentfile.ConsentFileView;
import org.iys.application.consentfile.ConsentFiles;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Receives bulk consent files and runs their imports.
 *
 * <p>A file arrives by upload or in the inbox folder {@code <inbox>/<iysCode>/<brandCode>/}; either
 * way it is streamed to {@code <data dir>/consent-files/} while its SHA-256 is computed, so even a
 * very large file never sits in memory. It then waits for the nightly run, or for a business or
 * staff member to start it at once. Each start is a claim in the database, so one file gets one job
 * however many instances run the schedule.
 *
 * <p>Configuration (MicroProfile Config): {@code iys.data.dir}, {@code iys.import.inbox}, {@code
 * iys.instance.name} (which instance claimed a file; an instance resumes its own interrupted
 * imports when it starts), {@code iys.import.stale-after} (an ISO duration after which a running
 * import without progress may be taken over), {@code iys.import.chunk-size}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsentImports {

  static final String JOB = "consent-import";

  private static final System.Logger LOG = System.getLogger(ConsentImports.class.getName());

  @EJB private ConsentFiles files;

  public ConsentFileView receive(int iysCode, int brandCode, InputStream body, String fileName)
      throws IOException {
    Path store = Files.createDirectories(dataDir().resolve("consent-files"));
    Path incoming = store.resolve(".incoming-" + UUID.randomUUID());
    MessageDigest sha256 = sha256();
    long size;
    try (InputStream in = new DigestInputStream(body, sha256)) {
      size = Files.copy(in, incoming);
    }
    String hash = HexFormat.of().formatHex(sha256.digest());
    if (size == 0) {
      Files.deleteIfExists(incoming);
      throw new DomainException(Violation.of(ErrorCode.IYS013));
    }
    try {
      ConsentRowSource.requireHeader(incoming);
    } catch (DomainException | IOException unreadable) {
      Files.deleteIfExists(incoming);
      throw unreadable;
    }
    Path stored = store.resolve(iysCode + "-" + brandCode + "-" + hash);
    ConsentFileView file;
    try {
      file = files.register(iysCode, brandCode, hash, fileName, stored.toString(), size);
    } catch (DomainException alreadyReceived) {
      Files.deleteIfExists(incoming);
      throw alreadyReceived;
    }
    Files.move(incoming, stored, StandardCopyOption.REPLACE_EXISTING);
    LOG.log(
        System.Logger.Level.INFO, "received consent file {0} for brand {1}", file.id(), brandCode);
    return file;
  }

  /**
   * Starts the import of a waiting file now.
   *
   * @throws DomainException IYS012 when the file is not waiting (already started or done)
   */
  public ConsentFileView start(int iysCode, int brandCode, long id) {
    files.ofBrand(iysCode, brandCode, id);
    if (!files.claim(id, instance())) {
      throw new DomainException(Violation.of(ErrorCode.IYS012, "id", id));
    }
    launch(id);
    return files.find(id).orElseThrow();
  }

  /**
   * Continues an import that failed or whose server went down; rows already imported are not
   * imported again.
   *
   * @throws DomainException IYS012 when the import is still making progress or has completed
   */
  public ConsentFileView resume(int iysCode, int brandCode, long id) {
    files.ofBrand(iysCode, brandCode, id);
    if (!files.takeOver(id, instance(), Instant.now().minus(staleAfter()))) {
      throw new DomainException(Violation.of(ErrorCode.IYS012, "id", id));
    }
    launch(id);
    return files.find(id).orElseThrow();
  }

  /**
   * Asks the running import of a file to stop after its current chunk; the file then ends as FAILED
   * and {@link #resume} continues it from the rows already done. Only the instance running the job
   * can stop it.
   *
   * @throws DomainException IYS012 when the file has no import running on this instance
   */
  public ConsentFileView stop(int iysCode, int brandCode, long id) {
    ConsentFileView file = files.ofBrand(iysCode, brandCode, id);
    if (!"RUNNING".equals(file.status()) || file.executionId() == null) {
      throw new DomainException(Violation.of(ErrorCode.IYS012, "id", id));
    }
    try {
      operator().stop(file.executionId());
    } catch (JobExecutionNotRunningException | NoSuchJobExecutionException notHere) {
      throw new DomainException(Violation.of(ErrorCode.IYS012, "id", id));
    }
    LOG.log(System.Logger.Level.INFO, "asked the import of consent file {0} to stop", id);
    return files.find(id).orElseThrow();
  }

  public ConsentFileView progress(int iysCode, int brandCode, long id) {
    return files.ofBrand(iysCode, brandCode, id);
  }

  /** The nightly run: collects inbox files, then starts every waiting file this instance wins. */
  public int startWaiting() {
    collectInbox();
    int started = 0;
    for (long id : files.waiting()) {
      if (files.claim(id, instance())) {
        launch(id);
        started++;
      }
    }
    return started;
  }

  /** After a restart: imports this instance was running when it stopped are continued. */
  public void resumeInterrupted(Instant bootTime) {
    for (long id : files.runningOn(instance())) {
      if (files.takeOver(id, instance(), bootTime)) {
        LOG.log(
            System.Logger.Level.INFO, "resuming the interrupted import of consent file {0}", id);
        launch(id);
      }
    }
  }

  /** Writes the report as UTF-8 CSV: one line per data row, then the counts. */
  public void report(int iysCode, int brandCode, long id, OutputStream out) throws IOException {
    ConsentFileView file = files.ofBrand(iysCode, brandCode, id);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader("line", "key", "outcome", "code", "message")
            .setRecordSeparator("\r\n")
            .get();
    CSVPrinter csv = new CSVPrinter(writer, format);
    files.report(
        id,
        line -> {
          try {
            csv.printRecord(
                line.lineNumber(), line.key(), line.outcome(), line.code(), line.message());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    csv.printRecord("", "rows read", file.rowsRead(), "", "");
    csv.printRecord("", "rows written", file.rowsWritten(), "", "");
    csv.printRecord("", "rows refused", file.rowsRefused(), "", "");
    csv.printRecord("", "rows with warnings", file.rowsWarned(), "", "");
    csv.flush();
  }

  private void launch(long id) {
    ConsentFileView file = files.find(id).orElseThrow();
    var parameters = new Properties();
    parameters.setProperty("fileId", Long.toString(id));
    parameters.setProperty("iysCode", Integer.toString(file.iysCode()));
    parameters.setProperty("brandCode", Integer.toString(file.brandCode()));
    parameters.setProperty("path", files.storedPath(id));
    parameters.setProperty(
        "chunkSize",
        config().getOptionalValue("iys.import.chunk-size", String.class).orElse("1000"));
    // Each run is a new job instance: where to resume comes from the report rows in the
    // database, not from the batch runtime's checkpoint of a job that may have died with its
    // server.
    long execution = operator().start(JOB, parameters);
    files.started(id, execution);
    LOG.log(
        System.Logger.Level.INFO, "started import of consent file {0} as job {1}", id, execution);
  }

  private void collectInbox() {
    Path inbox = inboxDir();
    if (!Files.isDirectory(inbox)) {
      return;
    }
    try (DirectoryStream<Path> businesses = Files.newDirectoryStream(inbox)) {
      for (Path business : businesses) {
        collectBusiness(business);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "IYS-B001 reading the inbox failed", e);
    }
  }

  private void collectBusiness(Path business) throws IOException {
    if (!Files.isDirectory(business) || !business.getFileName().toString().matches("[0-9]+")) {
      return;
    }
    try (DirectoryStream<Path> brands = Files.newDirectoryStream(business)) {
      for (Path brand : brands) {
        if (Files.isDirectory(brand) && brand.getFileName().toString().matches("[0-9]+")) {
          collectBrand(
              Integer.parseInt(business.getFileName().toString()),
              Integer.parseInt(brand.getFileName().toString()),
              brand);
        }
      }
    }
  }

  // A file that was already received is moved aside rather than left to be tried every night.
  private void collectBrand(int iysCode, int brandCode, Path folder) throws IOException {
    try (DirectoryStream<Path> waiting = Files.newDirectoryStream(folder)) {
      for (Path file : waiting) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || name.startsWith(".")) {
          continue;
        }
        Path claimed = folder.resolve(".taking-" + name);
        try {
          Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException takenByAnotherInstance) {
          continue;
        }
        try (InputStream in = Files.newInputStream(claimed)) {
          receive(iysCode, brandCode, in, name);
          Files.delete(claimed);
        } catch (DomainException refused) {
          Path aside = Files.createDirectories(folder.resolve(".refused"));
          Files.move(claimed, aside.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  public static Path dataDir() {
    return Path.of(
        config()
            .getOptionalValue("iys.data.dir", String.class)
            .orElse(System.getProperty("iys.data.dir", "iys-data")));
  }

  private static Path inboxDir() {
    return config()
        .getOptionalValue("iys.import.inbox", String.class)
        .map(Path::of)
        .orElse(dataDir().resolve("inbox"));
  }

  /** This instance's name in claims ({@code iys.instance.name}, "iys" unless configured). */
  public static String instance() {
    return config().getOptionalValue("iys.instance.name", String.class).orElse("iys");
  }

  private static Duration staleAfter() {
    return config()
        .getOptionalValue("iys.import.stale-after", String.class)
        .map(Duration::parse)
        .orElse(Duration.ofMinutes(2));
  }
}
