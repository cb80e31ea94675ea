/** The Turkish business-day calendar that the law's deadlines are counted in. */
package org.iys.domain.calendar;
