package org.iys.web.faces.consentfile;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.iys.application.audit.Audit;
import org.iys.application.consentfile.ConsentFileView;
import org.iys.application.consentfile.ConsentFiles;
import org.iys.batch.consentimport.ConsentImports;
import org.iys.web.faces.Messages;
import org.iys.web.faces.StaffMember;

/**
 * Bulk consent files: waiting, running (with their progress, refreshed while the page is open) and
 * finished, newest first; supervisors and admins start a waiting file, stop a running one and
 * restart a stopped or failed one from where it ended, and anyone downloads a row report from
 * {@link ConsentFileReportServlet}.
 */
@Named
@ViewScoped
public class ConsentFilesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int SHOWN = 200;

  @EJB private ConsentFiles files;

  @EJB private ConsentImports imports;

  @EJB private Audit audit;

  @Inject private StaffMember staff;

  private transient List<ConsentFileView> shown;

  public List<ConsentFileView> getFiles() {
    if (shown == null) {
      shown = files.recent(SHOWN);
    }
    return shown;
  }

  public void refresh() {
    shown = null;
  }

  public void start(ConsentFileView file) {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    imports.start(file.iysCode(), file.brandCode(), file.id());
    audit.record(
        staff.username(), "CONSENT_FILE_STARTED", "consent_file", String.valueOf(file.id()), null);
    shown = null;
    Messages.info("file.started", file.id());
  }

  public void stop(ConsentFileView file) {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    imports.stop(file.iysCode(), file.brandCode(), file.id());
    audit.record(
        staff.username(), "CONSENT_FILE_STOPPED", "consent_file", String.valueOf(file.id()), null);
    shown = null;
    Messages.info("file.stopping", file.id());
  }

  public void resume(ConsentFileView file) {
    staff.require(StaffMember.SUPERVISOR, StaffMember.ADMIN);
    imports.resume(file.iysCode(), file.brandCode(), file.id());
    audit.record(
        staff.username(), "CONSENT_FILE_RESUMED", "consent_file", String.valueOf(file.id()), null);
    shown = null;
    Messages.info("file.resumed", file.id());
  }

  /** Rows done as a share of rows read, for the progress bar; 100 once the file has ended. */
  public int percent(ConsentFileView file) {
    if (file.finishedAt() != null) {
      return 100;
    }
    long done = file.rowsWritten() + file.rowsRefused();
    return file.rowsRead() == 0 ? 0 : (int) Math.min(99, done * 100 / file.rowsRead());
  }
}
