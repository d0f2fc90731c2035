package io.txlab.e2e.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.txlab.e2e.support.RawHttp;

/** One scrape of /actuator/prometheus, as Prometheus asks for it, read as series: enough to assert on. */
record PrometheusScrape(int status, String contentType, String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    static PrometheusScrape of(int port) {
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, RawHttp.Request.of("GET", "/actuator/prometheus")
                    .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException("scrape of 127.0.0.1:" + port + " failed", e);
        }
        return new PrometheusScrape(response.status(), response.header("Content-Type"), response.body());
    }

    /** The sum of every series of {@code name} whose labels include all of {@code labels}; -1 if there is none. */
    double sum(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String series = sample.group(3) == null ? "" : sample.group(3);
            if (labels.entrySet().stream().allMatch(label ->
                    series.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                sum += Double.parseDouble(sample.group(4));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    double sum(String name) {
        return sum(name, Map.of());
    }
}
