package org.caravan.validation;

/**
 * One observation next to Caravan's answer.
 *
 * @param caravan Caravan's value in the observation's quantity; null unless {@code status} is OK
 * @param ratio   caravan ÷ the published reference (the geometric middle of low and high)
 * @param inRange whether caravan lies in the tolerance band around [low, high] ({@link Validator#inBand})
 * @param modes   the modes of Caravan's route, e.g. "road+rail" ("" when there is no route)
 * @param message why there is no value (the unknown place, the restriction that blocks...)
 */
public record RowResult(
        Observation observation,
        Status status,
        String message,
        Double caravan,
        Double ratio,
        Boolean inRange,
        String modes) {

    public enum Status {
        OK("ok"),
        PLACE_NOT_IN_NETWORK("place not in network"),
        NO_ROUTE("no route"),
        BAD_OPTIONS("bad options");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }

    public boolean evaluated() { return status == Status.OK; }
}
