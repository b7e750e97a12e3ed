/**
 * Trade flows: the embedded DuckDB store ({@link org.caravan.trade.TradeStore}, {@code <data-dir>/caravan.duckdb}),
 * UN Comtrade import in both CSV layouts ({@link org.caravan.trade.ComtradeImporter}: streamed, atomic,
 * idempotent), the analytics users ask of it ({@link org.caravan.trade.TradeAnalytics}: bilateral series, top
 * products, partner shares and Herfindahl index, mirror comparison), the published headline figures shipped with
 * their sources ({@link org.caravan.trade.PublishedFacts}), and the bridge to routing: tonnes by partner and
 * product written as an OD demand file. Knows nothing of the CLI or HTTP.
 */
package org.caravan.trade;
