package org.caravan.validation;

import java.util.List;

/**
 * Caravan against a set of observations: every row, summaries by quantity, by kind of figure, by kind and mode
 * and by corridor, and the targets.
 *
 * @param file the observations file's name, as the user gave it
 */
public record ValidationReport(
        String file,
        List<RowResult> rows,
        List<Summary> byQuantity,
        List<Summary> byFamily,
        List<Summary> byFamilyAndMode,
        List<Summary> byCorridor,
        List<TargetCheck> targets) {

    public long evaluated() { return rows.stream().filter(RowResult::evaluated).count(); }
}
