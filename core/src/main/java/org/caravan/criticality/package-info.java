/**
 * Criticality: which links and border crossings matter most for the demand on the network. Each link used by a
 * baseline route is closed in turn and the OD pairs that used it are re-routed; the demand-weighted increase in
 * generalized cost and the OD pairs left without any route rank the links (docs/CRITICALITY.md).
 */
package org.caravan.criticality;
