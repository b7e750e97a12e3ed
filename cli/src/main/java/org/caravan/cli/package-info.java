/**
 * The {@code caravan} command line (picocli): parses arguments, calls the core, formats the answer.
 * No routing, pricing or validation logic lives here.
 */
package org.caravan.cli;
