package org.caravan.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects nodes and links with the place they were read from, checks them all, and builds a
 * {@link Network} only when nothing is wrong: a file with errors loads nothing.
 *
 * <p>Loaders add records and any parse problems they met; {@link #build(String)} then runs the semantic
 * checks and throws a {@link NetworkException} with every problem, parse and semantic, in file order.
 */
public final class NetworkBuilder {
    private record Located<T>(T value, String file, String location) {}

    private final List<Located<Node>> nodes = new ArrayList<>();
    private final List<Located<Link>> links = new ArrayList<>();
    private final List<Problem> parseProblems = new ArrayList<>();

    public NetworkBuilder addNode(Node node, String file, String location) {
        nodes.add(new Located<>(node, file, location));
        return this;
    }

    public NetworkBuilder addLink(Link link, String file, String location) {
        links.add(new Located<>(link, file, location));
        return this;
    }

    public NetworkBuilder addProblem(Problem problem) {
        parseProblems.add(problem);
        return this;
    }

    /** Every problem found so far, parse problems first. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(parseProblems);
        Map<String, Located<Node>> byId = new HashMap<>();
        for (Located<Node> ln : nodes) {
            Located<Node> prev = byId.putIfAbsent(ln.value().id(), ln);
            if (prev != null) {
                all.add(new Problem(ln.file(), ln.location(), "id", "duplicate node id '" + ln.value().id()
                        + "' (first defined at " + prev.file() + ", " + prev.location() + ")"));
            }
        }
        Map<String, Located<Link>> linkIds = new HashMap<>();
        for (Located<Link> ll : links) {
            Link l = ll.value();
            Located<Link> prev = linkIds.putIfAbsent(l.id(), ll);
            if (prev != null) {
                all.add(new Problem(ll.file(), ll.location(), "id", "duplicate link id '" + l.id()
                        + "' (first defined at " + prev.file() + ", " + prev.location() + ")"));
            }
            if (!byId.containsKey(l.from())) {
                all.add(new Problem(ll.file(), ll.location(), "from", "unknown node '" + l.from() + "'"));
            }
            if (!byId.containsKey(l.to())) {
                all.add(new Problem(ll.file(), ll.location(), "to", "unknown node '" + l.to() + "'"));
            }
            if (!(l.km() > 0) || Double.isInfinite(l.km())) {
                all.add(new Problem(ll.file(), ll.location(), "km", "length must be a positive number of km, got "
                        + l.km()));
            }
            if (l.mode() == Mode.RAIL && l.gauges().size() != 1) {
                all.add(new Problem(ll.file(), ll.location(), "gauge", "a rail link needs exactly one gauge"));
            }
        }
        return all;
    }

    /** Builds the network, or throws with every problem found. */
    public Network build(String origin) throws NetworkException {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) throw new NetworkException(problems);
        return new Network(nodes.stream().map(Located::value).toList(),
                links.stream().map(Located::value).toList(), origin);
    }
}
