/**
 * Named corridors and corridor comparison: the embedded corridor list (corridors.yaml) and routes forced
 * through each named corridor, crossing or place so that a user sees side by side why one wins
 * (docs/CRITICALITY.md).
 */
package org.caravan.corridor;
