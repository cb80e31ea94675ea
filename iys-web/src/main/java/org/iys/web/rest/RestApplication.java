package org.iys.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The business, citizen and staff REST API: a national İYS client only changes its base URL. */
@ApplicationPath("api")
public class RestApplication extends Application {}
