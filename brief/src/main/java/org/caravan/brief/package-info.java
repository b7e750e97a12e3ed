/**
 * The printable corridor brief for decision makers: {@link org.caravan.brief.Brief} (content, XHTML with inline
 * SVG, PDF via openhtmltopdf with embedded DejaVu fonts) and {@link org.caravan.brief.BriefMap} (the static map
 * of country shapes and route lines, as SVG or PNG). See docs/CHARTS.md, "Corridor brief".
 */
package org.caravan.brief;
