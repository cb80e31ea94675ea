/**
 * A brand's retailers (dealers, "bayi") and which of them may see which consents: the retailer's
 * details as the business gives them, the request bodies that change retailer access, and the
 * paging rules the retailer lists share.
 */
package org.iys.domain.retailer;
