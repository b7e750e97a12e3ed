// Same-process A/B timing of Router.pareto on the 8 benchmark corridor pairs for two builds of the bench jar, each in
// its own class loader, calls alternating A/B (order swapped every round) so both see the same load. See
// docs/PERFORMANCE.md. Usage: java bench/ParetoAB.java OLD.jar NEW.jar SECONDS
import java.lang.reflect.*;
import java.net.*;
import java.util.*;
public class ParetoAB {
  static String[][] P = {{"KZALA","PKKHI"},{"KZZAB","IRBND"},{"UZTAS","PKKHI"},{"AFKBL","IRSRP"},{"PKPEW","UZTER"},{"KZAAU","GEPTI"},{"KZALA","GEPTI"},{"UZTAS","IRBND"}};
  static final class Eng {
    Object router; Method pareto; Object[] reqs; Method routes;
    Eng(String jar) throws Exception {
      ClassLoader cl = new URLClassLoader(new URL[]{new java.io.File(jar).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> nl = cl.loadClass("org.caravan.io.NetworkLoader");
      Object net = nl.getMethod("loadEmbedded").invoke(nl.getConstructor().newInstance());
      Object cm = cl.loadClass("org.caravan.cost.CostModelLoader").getMethod("defaults").invoke(null);
      Class<?> rc = cl.loadClass("org.caravan.routing.Router");
      Class<?> netc = cl.loadClass("org.caravan.network.Network");
      Class<?> cmc = cl.loadClass("org.caravan.cost.CostModel");
      router = rc.getConstructor(netc, cmc).newInstance(net, cm);
      Class<?> rq = cl.loadClass("org.caravan.routing.RouteRequest");
      pareto = rc.getMethod("pareto", rq, int.class, long.class);
      reqs = new Object[P.length];
      for (int i = 0; i < P.length; i++) reqs[i] = rq.getMethod("of", String.class, String.class).invoke(null, P[i][0], P[i][1]);
      routes = cl.loadClass("org.caravan.routing.ParetoResult").getMethod("routes");
    }
    long call(int i) throws Exception { long t0 = System.nanoTime(); Object r = pareto.invoke(router, reqs[i], 200000, 5000L); long t = System.nanoTime() - t0; if (((List<?>) routes.invoke(r)).isEmpty()) throw new IllegalStateException(); return t; }
  }
  public static void main(String[] a) throws Exception {
    Eng A = new Eng(a[0]), B = new Eng(a[1]);
    double seconds = Double.parseDouble(a[2]);
    for (int w = 0; w < 30; w++) for (int i = 0; i < P.length; i++) { A.call(i); B.call(i); }
    List<List<Long>> ta = new ArrayList<>(), tb = new ArrayList<>();
    for (int i = 0; i < P.length; i++) { ta.add(new ArrayList<>()); tb.add(new ArrayList<>()); }
    long end = System.nanoTime() + (long) (seconds * 1e9); int round = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < P.length; i++) {
        if ((round & 1) == 0) { ta.get(i).add(A.call(i)); tb.get(i).add(B.call(i)); }
        else { tb.get(i).add(B.call(i)); ta.get(i).add(A.call(i)); }
      }
      round++;
    }
    List<Long> allA = new ArrayList<>(), allB = new ArrayList<>();
    System.out.printf("rounds %d (each pair timed %d times per engine, A/B alternating)%n", round, round);
    for (int i = 0; i < P.length; i++) {
      allA.addAll(ta.get(i)); allB.addAll(tb.get(i));
      System.out.printf("pair %d %s->%s  A p50 %.2f ms  B p50 %.2f ms  A/B %.2f%n", i, P[i][0], P[i][1], q(ta.get(i), .5), q(tb.get(i), .5), q(ta.get(i), .5) / q(tb.get(i), .5));
    }
    System.out.printf("ALL  A p50 %.2f p90 %.2f mean %.2f ms | B p50 %.2f p90 %.2f mean %.2f ms | A/B p50 %.2f mean %.2f%n", q(allA,.5), q(allA,.9), mean(allA), q(allB,.5), q(allB,.9), mean(allB), q(allA,.5)/q(allB,.5), mean(allA)/mean(allB));
  }
  static double q(List<Long> l, double p) { long[] s = l.stream().mapToLong(x -> x).sorted().toArray(); return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6; }
  static double mean(List<Long> l) { return l.stream().mapToLong(x -> x).average().orElse(0) / 1e6; }
}
