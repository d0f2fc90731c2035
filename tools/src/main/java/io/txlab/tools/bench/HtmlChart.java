package io.txlab.tools.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A self-contained HTML page (no scripts, no external styles): two inline SVG panels over the run's seconds,
 * achieved (and offered) orders/s, then p99 latency per second; the Markdown figures below as a pre block.
 */
final class HtmlChart {

    private static final int WIDTH = 900;
    private static final int PANEL = 240;
    private static final int LEFT = 70;
    private static final int TOP = 30;
    private static final int BOTTOM = 30;

    private HtmlChart() {
    }

    static String page(BenchResult result, List<String> markdown) {
        List<SecondStats.Point> points = result.timeSeries();
        String title = "TxLab benchmark: " + result.settings().profile().cliName() + " " + result.startedAt();
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>\n"
                + "<body style=\"font-family:sans-serif\">\n<h1 style=\"font-size:18px\">" + escape(title) + "</h1>\n"
                + panel("orders/s: achieved (blue), offered (grey)", points, "#1f77b4",
                        p -> p.achievedOrders(), p -> p.offeredOrders(), "#999")
                + panel("p99 latency per second, ms: orders (red)" + (result.figures().readLatency() == null ? ""
                        : ", reads (orange)"), points, "#d62728", SecondStats.Point::orderP99Ms,
                        result.figures().readLatency() == null ? null : SecondStats.Point::readP99Ms, "#ff7f0e")
                + "<pre>" + escape(String.join("\n", markdown)) + "</pre>\n</body></html>\n";
    }

    /** {@code second} may be null; drawn dashed, under the first. */
    private static String panel(String caption, List<SecondStats.Point> points, String colour,
                                ToDoubleFunction<SecondStats.Point> first, ToDoubleFunction<SecondStats.Point> second,
                                String secondColour) {
        double max = niceCeiling(points.stream().mapToDouble(p -> Math.max(first.applyAsDouble(p),
                second == null ? 0 : second.applyAsDouble(p))).max().orElse(1));
        int seconds = Math.max(1, points.size() - 1);
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">%n",
                WIDTH, PANEL + TOP + BOTTOM));
        svg.append(format("<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>%n", LEFT, escape(caption)));
        axes(svg, max, seconds);
        if (second != null) {
            svg.append(polyline(points, second, max, seconds, secondColour, true));
        }
        svg.append(polyline(points, first, max, seconds, colour, false));
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, double max, int seconds) {
        for (int i = 0; i <= 4; i++) {
            double y = TOP + PANEL - PANEL * i / 4.0;
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, WIDTH - 10, y, LEFT - 6,
                    y + 4, label(max * i / 4)));
        }
        int every = Math.max(1, (int) niceCeiling(seconds / 10.0));
        for (int s = 0; s <= seconds; s += every) {
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ds</text>%n", x(s, seconds),
                    TOP + PANEL + 18, s));
        }
    }

    private static String polyline(List<SecondStats.Point> points, ToDoubleFunction<SecondStats.Point> value,
                                   double max, int seconds, String colour, boolean dashed) {
        String coordinates = points.stream().map(p -> format("%.1f,%.1f", x(p.second(), seconds),
                TOP + PANEL - PANEL * value.applyAsDouble(p) / max)).collect(Collectors.joining(" "));
        return format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n", colour,
                dashed ? " stroke-dasharray=\"5,4\"" : "", coordinates);
    }

    private static double x(int second, int seconds) {
        return LEFT + (WIDTH - LEFT - 10) * (double) second / seconds;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value} (and at least 1). */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : format("%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
