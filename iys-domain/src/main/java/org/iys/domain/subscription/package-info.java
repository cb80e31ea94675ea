/**
 * A business's subscription: its state, which decides whether the business API may be used, and its
 * consent quota, counted in distinct addresses.
 */
package org.iys.domain.subscription;
