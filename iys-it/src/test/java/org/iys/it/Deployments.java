package org.iys.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build assembled for Payara Micro, deployed unchanged at the root context. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive iys() {
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(TestStack.runtime().resolve("iys-micro-war.war").toFile())
        .as(WebArchive.class);
  }
}
