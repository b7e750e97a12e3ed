package org.caravan.assignment;

import java.util.Locale;

/**
 * How a link's travel time grows with its volume: {@code t(v) = t0 * f(v / c)} with a convex, non-decreasing
 * {@code f}, so that the user equilibrium is unique in link volumes and Frank-Wolfe line searches are exact.
 *
 * <ul>
 *   <li>{@link #BPR}: the Bureau of Public Roads function {@code f(x) = 1 + alpha * x^beta} (TNTP's {@code b}
 *       and {@code power}); the usual road choice (alpha 0.15, beta 4).</li>
 *   <li>{@link #CONICAL}: Spiess (1990) conical function {@code f(x) = 2 + sqrt(a^2 (1-x)^2 + g^2) - a (1-x) - g}
 *       with {@code g = (2a-1)/(2a-2)}, {@code a = beta > 1}; like BPR at low volume but with a finite slope past
 *       capacity, so that iterations do not overshoot.</li>
 *   <li>{@link #QUEUE}: the time-dependent queueing delay of Akçelik (1991) for a server of capacity {@code c}
 *       observed over a period {@code T}: {@code t = t0 + (T/4) [ (x-1) + sqrt((x-1)^2 + 8 J x / (c T)) ]},
 *       with {@code J = alpha} and {@code T = beta} (in the link's time unit). Below capacity the wait is small and
 *       rises steeply near {@code x = 1}; above capacity the queue grows through the period and the mean wait grows
 *       linearly with demand, {@code (T/2)(x-1)} for large {@code x}: what a border post with a daily throughput
 *       limit does over the planning period.</li>
 * </ul>
 */
public enum VolumeDelay {
    BPR {
        @Override double cost(double t0, double c, double a, double b, double v) {
            if (v <= 0) return t0;
            return t0 * (1 + a * Math.pow(v / c, b));
        }

        @Override double derivative(double t0, double c, double a, double b, double v) {
            if (v <= 0) return b == 1 ? t0 * a / c : 0;
            return t0 * a * b / c * Math.pow(v / c, b - 1);
        }

        @Override double integral(double t0, double c, double a, double b, double v) {
            if (v <= 0) return 0;
            return t0 * (v + a * c / (b + 1) * Math.pow(v / c, b + 1));
        }
    },
    CONICAL {
        @Override double cost(double t0, double c, double a, double b, double v) {
            double x = Math.max(0, v) / c;
            double g = (2 * b - 1) / (2 * b - 2);
            double u = b * (1 - x);
            return t0 * (2 + Math.sqrt(u * u + g * g) - u - g);
        }

        @Override double derivative(double t0, double c, double a, double b, double v) {
            double x = Math.max(0, v) / c;
            double g = (2 * b - 1) / (2 * b - 2);
            double u = b * (1 - x);
            return t0 / c * (b - b * u / Math.sqrt(u * u + g * g));
        }

        @Override double integral(double t0, double c, double a, double b, double v) {
            if (v <= 0) return 0;
            double g = (2 * b - 1) / (2 * b - 2);
            // integral of f from 0 to x, with u = b(1 - s): int sqrt(u^2+g^2) ds = -(1/b) [F(u)] and F the
            // antiderivative u/2 sqrt(u^2+g^2) + g^2/2 ln(u + sqrt(u^2+g^2)).
            double x = v / c;
            double u0 = b;
            double u1 = b * (1 - x);
            double root = (F(u0, g) - F(u1, g)) / b;
            double linear = (2 - g) * x - b * (x - x * x / 2);
            return t0 * c * (linear + root);
        }

        private double F(double u, double g) {
            double r = Math.sqrt(u * u + g * g);
            return u / 2 * r + g * g / 2 * Math.log(u + r);
        }
    },
    QUEUE {
        @Override double cost(double t0, double c, double j, double period, double v) {
            double x = Math.max(0, v) / c;
            double z = x - 1;
            return t0 + period / 4 * (z + Math.sqrt(z * z + 8 * j * x / (c * period)));
        }

        @Override double derivative(double t0, double c, double j, double period, double v) {
            double x = Math.max(0, v) / c;
            double z = x - 1;
            double k = 8 * j / (c * period);
            double r = Math.sqrt(z * z + k * x);
            return period / 4 / c * (1 + (z + k / 2) / r);
        }

        @Override double integral(double t0, double c, double j, double period, double v) {
            if (v <= 0) return 0;
            // Numerical (Simpson, 64 panels): the closed form is long and only the objective value needs it.
            int n = 64;
            double h = v / n;
            double sum = cost(t0, c, j, period, 0) + cost(t0, c, j, period, v);
            for (int i = 1; i < n; i++) sum += (i % 2 == 1 ? 4 : 2) * cost(t0, c, j, period, i * h);
            return sum * h / 3;
        }
    };

    /** Travel time at volume {@code v}, for free-flow time {@code t0}, capacity {@code c} and parameters. */
    abstract double cost(double t0, double c, double alpha, double beta, double v);

    /** d cost / d volume at {@code v}. */
    abstract double derivative(double t0, double c, double alpha, double beta, double v);

    /** The integral of cost from 0 to {@code v} (the link's term in the Beckmann objective). */
    abstract double integral(double t0, double c, double alpha, double beta, double v);

    /** Parses {@code bpr}, {@code conical} or {@code queue} in any case. */
    public static VolumeDelay parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown volume-delay function '" + s + "', expected bpr, conical or queue");
        }
    }
}
