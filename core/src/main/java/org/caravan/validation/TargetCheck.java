package org.caravan.validation;

/**
 * One of the targets Caravan's defaults are held to (issue 13), and whether the set meets it.
 *
 * @param what   e.g. "time within ±20 %" or "median ratio, cost, rail"
 * @param target e.g. "≥ 75 %" or "0.8–1.25"
 * @param actual the measured value, formatted; "no data" when no row qualifies
 * @param met    null when there is nothing to measure
 */
public record TargetCheck(String what, String target, String actual, Boolean met) {}
