package org.caravan.network;

/**
 * Time and fee to pass a border crossing in one direction: mean and 90th-percentile hours from entering the
 * first post to leaving the second (CAREC CPMM indicator TFI1), and the fee per vehicle (TFI2, USD).
 */
public record CrossingTimes(double meanHours, double p90Hours, double feeUsd) {
    public CrossingTimes {
        if (!(meanHours >= 0) || !(p90Hours >= meanHours) || !(feeUsd >= 0)) {
            throw new IllegalArgumentException("crossing times need 0 <= mean <= p90 and fee >= 0, got "
                    + meanHours + ", " + p90Hours + ", " + feeUsd);
        }
    }
}
