/**
 * Place lookup: resolves what users type (UN/LOCODE, id, name, alternative name, any case or diacritics) to
 * nodes, suggests near names for typos, and turns {@code --close} tokens into node or link closures.
 */
package org.caravan.place;
