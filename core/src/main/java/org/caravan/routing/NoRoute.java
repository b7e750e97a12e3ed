package org.caravan.routing;

import java.util.List;

/**
 * Why no route exists. The router never relaxes a restriction to find one; instead it checks which
 * restrictions, each lifted on its own, would connect the places, and names them in
 * {@code blockingConstraints} (e.g. "--avoid AF", "operational links only"). The list is empty when no single
 * restriction is to blame; {@code message} then says whether the places connect at all.
 */
public record NoRoute(String message, List<String> blockingConstraints) {}
