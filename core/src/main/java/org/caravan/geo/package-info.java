/**
 * Geographic reference data: the country polygons (Natural Earth admin-0) used to check that a node lies in
 * the country it claims. Knows nothing of the network model.
 */
package org.caravan.geo;
