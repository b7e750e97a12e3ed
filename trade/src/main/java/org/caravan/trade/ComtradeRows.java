package org.caravan.trade;

import java.io.Serializable;
import java.util.List;

/**
 * Comtrade rows read one at a time with the importer's own rules ({@link ComtradeFormat} detection, the same row
 * checks and messages), for readers that do not go through the store: the Spark trade job reads Comtrade files
 * split over executors and gives each row here with its line number.
 */
public final class ComtradeRows {
    /** One record, in the store's canonical fields ({@code trade_flow}); {@code netWgtKg} null when not given. */
    public record Row(String freq, int year, int month, int reporter, int partner, int partner2, String flow,
                      String classification, String cmd, String cmdDescription, String customs, int mot,
                      Double netWgtKg, double valueUsd) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String file;
    private final ComtradeFormat format;
    private final ComtradeRowParser parser;

    /**
     * @param file   the file's name, for messages
     * @param header the header row's cells
     * @throws TradeImportException when the header is neither Comtrade layout (line 1 named)
     */
    public ComtradeRows(String file, List<String> header) throws TradeImportException {
        this.file = file;
        this.format = ComtradeFormat.detect(header).orElseThrow(() -> new TradeImportException(
                file + ": line 1: not a UN Comtrade CSV header (" + ComtradeFormat.explainUnknown(header) + ")"));
        this.parser = new ComtradeRowParser(format, header, Countries.embedded());
        parser.header(header);
    }

    public ComtradeFormat format() { return format; }

    /**
     * The row's record, or a {@link TradeImportException} naming the file, line and field (as {@code caravan trade
     * import --strict} refuses a file).
     */
    public Row parse(String[] fields, int count, long line) throws TradeImportException {
        String why = parser.parse(fields, count);
        if (why != null) throw new TradeImportException(file + ": line " + line + ", " + parser.badField + ": " + why);
        ComtradeRowParser p = parser;
        return new Row(p.freq, p.yearValue, p.monthValue, p.reporterCode, p.partnerCode, p.partner2Code, p.flowCode,
                p.classificationCode, p.cmdCode, p.cmdDescription, p.customsCode, p.motCode,
                Double.isNaN(p.netWgtKg) ? null : p.netWgtKg, p.valueUsd);
    }
}
