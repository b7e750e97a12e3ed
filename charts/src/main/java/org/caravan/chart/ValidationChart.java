package org.caravan.chart;

import static org.caravan.validation.ValidationFormats.num;

import java.util.ArrayList;
import java.util.List;
import org.caravan.validation.Observation;
import org.caravan.validation.RowResult;
import org.caravan.validation.ValidationReport;
import org.caravan.validation.Validator;

/** The chart of a {@link ValidationReport} ({@code caravan validate --chart}): the core's validation draws nothing. */
public final class ValidationChart {
    private ValidationChart() {}

    /** The log-log chart of published against Caravan values, one point per evaluated row, coloured by kind. */
    public static LogScatterChart of(ValidationReport r) {
        List<LogScatterChart.Point> points = new ArrayList<>();
        for (RowResult x : r.rows()) {
            if (!x.evaluated()) continue;
            Observation o = x.observation();
            points.add(new LogScatterChart.Point(o.id() + ": " + o.from() + " → " + o.to() + ", " + o.quantity().code()
                    + " published " + o.published(org.caravan.validation.ValidationFormats::num, "–", "≥ ", "≤ ")
                    + (o.scope() == Observation.Scope.CROSSING ? " (crossing)" : "") + ", Caravan "
                    + num(x.caravan()), o.quantity().family().code(), o.low(), o.high(), x.caravan(), x.inRange()));
        }
        return new LogScatterChart(points, Validator.TOLERANCE);
    }
}
