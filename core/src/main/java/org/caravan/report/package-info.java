/**
 * Machine-readable route output shared by every front end: the JSON shape of route answers and the GeoJSON
 * FeatureCollection that GDAL and QGIS read. Human-readable text lives with each front end.
 */
package org.caravan.report;
