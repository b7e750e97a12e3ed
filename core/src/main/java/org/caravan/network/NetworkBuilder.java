package org.caravan.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.geo.CountryShapes;

/**
 * Collects nodes and links with the place they were read from, checks them all, and builds a
 * {@link Network} only when nothing is wrong: a file with errors loads nothing.
 *
 * <p>Loaders add records and any parse problems they met; {@link #build(String)} then runs the semantic
 * checks of {@link NetworkValidator} and throws a {@link NetworkException} with every problem, parse and
 * semantic, ordered by file (in the order files were first seen) and then by position in the file.
 *
 * <p>Not thread-safe: one builder belongs to one load.
 */
public final class NetworkBuilder {
    private static final Pattern POSITION = Pattern.compile("(\\d+)\\s*$");

    private final List<Located<Node>> nodes = new ArrayList<>();
    private final List<Located<Link>> links = new ArrayList<>();
    private final List<Problem> parseProblems = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new LinkedHashMap<>();
    private CountryShapes countryShapes;
    private boolean curationRules = true;

    /** Uses these shapes for the country check instead of the bundled Natural Earth ones. */
    public NetworkBuilder countryShapes(CountryShapes shapes) {
        this.countryShapes = Objects.requireNonNull(shapes, "shapes");
        return this;
    }

    /**
     * With {@code false}, checks only what routing needs (unique ids, known ends, positive lengths, one gauge per
     * rail link, crossing times present) and skips the data-curation rules (country shapes, node kinds at link
     * ends, links across borders, what a crossing may carry). For synthetic graphs such as property tests of
     * the router; files are always read with every rule.
     */
    public NetworkBuilder curationRules(boolean on) {
        this.curationRules = on;
        return this;
    }

    public NetworkBuilder addNode(Node node, String file, String location) {
        nodes.add(new Located<>(node.id(), node, seen(file), location));
        return this;
    }

    public NetworkBuilder addLink(Link link, String file, String location) {
        links.add(new Located<>(link.id(), link, seen(file), location));
        return this;
    }

    /**
     * Records the id of a node that could not be parsed (its problems were added with
     * {@link #addProblem(Problem)}), so links to it are not reported as dangling and duplicates are still found.
     */
    public NetworkBuilder addUnparsedNode(String id, String file, String location) {
        nodes.add(new Located<>(id, null, seen(file), location));
        return this;
    }

    /** Like {@link #addUnparsedNode}, for links: keeps the id for the duplicate check. */
    public NetworkBuilder addUnparsedLink(String id, String file, String location) {
        links.add(new Located<>(id, null, seen(file), location));
        return this;
    }

    public NetworkBuilder addProblem(Problem problem) {
        seen(problem.file());
        parseProblems.add(problem);
        return this;
    }

    private String seen(String file) {
        fileOrder.putIfAbsent(file, fileOrder.size());
        return file;
    }

    /** Every problem found so far, parse and semantic, ordered by file and then by position in the file. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(parseProblems);
        CountryShapes shapes = !curationRules ? CountryShapes.none()
                : countryShapes != null ? countryShapes : CountryShapes.naturalEarth();
        all.addAll(new NetworkValidator(shapes, curationRules).validate(nodes, links));
        if (nodes.isEmpty() && parseProblems.isEmpty()) {
            // Only worth saying when nothing else explains it (a missing file already does).
            all.add(new Problem(fileOrder.keySet().stream().findFirst().orElse(""), "", "", "the network has no nodes"));
        }
        // Stable sort: problems of one record keep the order in which they were found.
        all.sort(Comparator.comparingInt((Problem p) -> fileOrder.getOrDefault(p.file(), Integer.MAX_VALUE))
                .thenComparingLong(p -> position(p.location())));
        return List.copyOf(all);
    }

    /** "line 12" → 12, "feature 0" → 0; a global problem ("") comes first. */
    private static long position(String location) {
        Matcher m = POSITION.matcher(location);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Builds the network, or throws with every problem found. */
    public Network build(String origin) throws NetworkException {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) throw new NetworkException(problems);
        return new Network(nodes.stream().map(Located::value).toList(),
                links.stream().map(Located::value).toList(), origin);
    }
}
