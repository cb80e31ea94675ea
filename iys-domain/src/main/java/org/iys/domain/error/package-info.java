/**
 * The error catalogue and the one exception type the domain refuses with; shared by every aggregate
 * so that each channel maps refusals in one place.
 */
package org.iys.domain.error;
