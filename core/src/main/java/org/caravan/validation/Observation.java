package org.caravan.validation;

import org.caravan.place.RouteQuery;

/**
 * One published figure to compare Caravan with: a route question (places and route options) and the range the
 * source gives. A single published figure has {@code low == high}.
 *
 * @param corridor a label for grouping the summary (free text; "" when the file has none)
 * @param options  the route options as written in the file ({@code key=value;key=value})
 * @param query    the question Caravan is asked: from, to and the options
 * @param line     where the row starts in its file, for messages
 */
public record Observation(
        String id,
        String corridor,
        String from,
        String to,
        String options,
        RouteQuery query,
        Quantity quantity,
        double low,
        double high,
        String source,
        String url,
        String date,
        String note,
        int line) {

    /** The single figure a ratio is taken against: the geometric middle of the published range. */
    public double reference() { return Math.sqrt(low * high); }
}
