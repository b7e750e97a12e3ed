/**
 * Country risk: the register of sanctions, security and border-reliability scores (with reasons and sources),
 * and the exposure of a route by country (km, hours, USD and risk class).
 */
package org.caravan.risk;
