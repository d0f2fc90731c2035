package io.txlab.tools.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The soak report as Markdown, for people (the JSON beside it is for tools). */
final class SoakMarkdown {

    private SoakMarkdown() {
    }

    static List<String> lines(SoakReport report) {
        List<String> lines = new ArrayList<>();
        SoakReport.Settings settings = report.settings();
        lines.add("# Soak report");
        lines.add("");
        lines.add("Seed **" + settings.seed() + "**, " + num(settings.minutes()) + " min of load at " + num(settings.rate())
                + " orders/s, faults: " + settings.faults() + ", a flash sale every " + settings.flashEverySeconds()
                + " s (0: none); started " + report.startedAt() + ". Same seed, same schedule of faults:"
                + " `scripts/soak.sh --seed " + settings.seed() + " --minutes " + num(settings.minutes()) + " --rate "
                + num(settings.rate()) + " --faults " + settings.faults() + "`.");
        lines.add("");
        lines.add("**Verdict: " + (report.passed() ? "PASS" : "FAIL (" + String.join("; ", report.violations()) + ")")
                + "**. Lost orders: **" + report.lostOrders() + "**.");
        orders(report, lines);
        flash(report, lines);
        faults(report, lines);
        lines.add("");
        lines.add("## Invariants (the consistency checker, after settling)");
        lines.add("");
        lines.add("```");
        lines.addAll(report.checker().lines());
        lines.add("```");
        if (!report.notes().isEmpty()) {
            lines.add("");
            lines.add("## Notes");
            lines.add("");
            report.notes().forEach(note -> lines.add("- " + note));
        }
        return lines;
    }

    private static void orders(SoakReport report, List<String> lines) {
        SoakReport.Orders orders = report.orders();
        lines.add("");
        lines.add("## Orders");
        lines.add("");
        lines.add("| offered | accepted (2xx) | confirmed | cancelled | retried | gave up | refused (4xx) | lost |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
        lines.add("| " + orders.offered() + " | " + orders.accepted() + " | " + orders.confirmed() + " | "
                + orders.cancelled() + " | " + orders.retriedOrders() + " | " + orders.gaveUp() + " | "
                + orders.refused() + " | " + report.lostOrders() + " |");
        lines.add("");
        lines.add("Accepted counts the " + orders.probeOrders() + " recovery probes' orders too. Retried: orders that "
                + "needed more than one attempt (" + orders.attempts() + " attempts in all), each with its own request"
                + " id. Gave up: every attempt answered 5xx, 429 or nothing within the retry budget (" + kinds(orders.gaveUpBy()) + ")"
                + ". Settled " + num(orders.settledAfterSeconds()) + " s after the last answer.");
        lines.add("");
        lines.add("Cancelled by reason: " + kinds(orders.cancelledByReason()) + ".");
        lines.add("");
        lines.add("Time from accepted to final (CONFIRMED or CANCELLED): p50 " + ms(report.timeToFinal().p50Ms())
                + ", p99 " + ms(report.timeToFinal().p99Ms()) + ", max " + ms(report.timeToFinal().maxMs()) + ".");
        if (!report.lostOrderIds().isEmpty()) {
            lines.add("");
            lines.add("Lost: " + String.join(", ", report.lostOrderIds()));
        }
    }

    private static void flash(SoakReport report, List<String> lines) {
        if (report.flashSales().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("## Flash sales");
        lines.add("");
        lines.add("| sale | units | purchases by answer | accepted | confirmed | cancelled | settled | lost |");
        lines.add("|---|---:|---|---:|---:|---:|---|---:|");
        for (SoakReport.Sale sale : report.flashSales()) {
            lines.add("| " + sale.saleId() + " | " + sale.units() + " | " + kinds(sale.purchases()) + " | "
                    + sale.accepted() + " | " + sale.confirmed() + " | " + sale.cancelled() + " | "
                    + (sale.settled() ? "yes" : "NO") + " | " + sale.lost() + " |");
        }
    }

    private static void faults(SoakReport report, List<String> lines) {
        SoakReport.Recovery recovery = report.recovery();
        lines.add("");
        lines.add("## Faults: " + report.faults().size());
        lines.add("");
        lines.add("By kind: " + kinds(report.faultsByKind())
                + ". Recovery (lifted until every service is healthy and a probe order placed then is final): p50 "
                + num(recovery.p50Seconds()) + " s, p99 " + num(recovery.p99Seconds()) + " s, max "
                + num(recovery.maxSeconds()) + " s; not recovered: " + recovery.notRecovered() + ".");
        lines.add("");
        lines.add("| # | at s | fault | lifted at s | recovery s | restarted | note |");
        lines.add("|---:|---:|---|---:|---:|---|---|");
        for (SoakReport.Fault fault : report.faults()) {
            lines.add("| " + fault.number() + " | " + num(fault.startedAtSecond()) + " | " + fault.description() + " | "
                    + num(fault.liftedAtSecond()) + " | " + (fault.recoverySeconds() < 0 ? "NOT RECOVERED"
                    : num(fault.recoverySeconds())) + " | " + String.join(", ", fault.restarted()) + " | "
                    + fault.note().replace("|", "/") + " |");
        }
    }

    /** "a: 1, b: 2", or "none". */
    private static String kinds(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(kind + ": " + count));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String ms(double millis) {
        return millis >= 1000 ? num(millis / 1000) + " s" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
