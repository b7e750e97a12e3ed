/**
 * Freight and traffic assignment: where the demand goes when links and crossings have limited capacity.
 *
 * <p>{@link org.caravan.assignment.FlowNetwork} is the loaded graph in primitive arrays;
 * {@link org.caravan.assignment.VolumeDelay} the cost-volume functions (BPR, conical, queueing);
 * {@link org.caravan.assignment.Equilibrium} solves the static user equilibrium by Frank-Wolfe, conjugate and
 * bi-conjugate Frank-Wolfe with several traffic classes; {@link org.caravan.assignment.Tntp} reads and writes the
 * TNTP benchmark format. See docs/ASSIGNMENT.md.
 */
package org.caravan.assignment;
