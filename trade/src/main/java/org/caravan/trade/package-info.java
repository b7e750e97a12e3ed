/**
 * Trade flows: the embedded DuckDB store ({@link org.caravan.trade.TradeStore}, {@code <data-dir>/caravan.duckdb}),
 * UN Comtrade import in both CSV layouts ({@link org.caravan.trade.ComtradeImporter}: streamed, atomic,
 * idempotent), the analytics users ask of it ({@link org.caravan.trade.TradeAnalytics}: bilateral series, top
 * products, partner shares and Herfindahl index, mirror comparison), the published headline figures shipped with
 * their sources ({@link org.caravan.trade.PublishedFacts}), and the bridge to routing: tonnes by partner and
 * product placed at country hubs as OD demand ({@link org.caravan.trade.TradeDemand}) and routed to see which
 * neighbours they must cross ({@link org.caravan.trade.TransitDependence}, also under a scenario). All SQL of the
 * store lives here. Knows nothing of the CLI or HTTP.
 */
package org.caravan.trade;
