/**
 * Trade demand as routing sees it: origin-destination pairs with cargo and yearly tonnes (OD files, and the
 * embedded list of main corridors), which scenarios and criticality weight their results by.
 */
package org.caravan.demand;
