package org.iys.infrastructure.persistence;

/**
 * Names of the server resources iys uses. The server (Payara Micro's post-boot commands, or an
 * administrator on Payara Server) creates them, so one build runs against any database.
 */
public final class Resources {

  public static final String DATA_SOURCE = "jdbc/iys";

  private Resources() {}
}
